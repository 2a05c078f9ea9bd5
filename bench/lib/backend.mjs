// Backend throughput: `GET /params` and `POST /callback` of our handler (dist/server.js through
// toNodeListener) beside a plain node:http baseline doing the same work, each server in its own
// process on 127.0.0.1, driven in turn by the same load from this process with a fixed number of
// keep-alive connections, each pass bounded in requests and in seconds.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BACKEND, ROOT_DIR } from './backend-config.mjs';

/** The load of one pass; run.mjs shrinks it for --quick. */
export const BACKEND_PLAN = {
  connections: 16,
  /** Requests (at most 5 s) before each server's timed passes, not counted: the handler's first thousands run slower. */
  warmup: 3_000,
  /** One pass ends after this many requests or seconds, whichever comes first. */
  paramsRequests: 40_000,
  callbackRequests: 4_000,
  seconds: 8,
  /** Alternating rounds (baseline, ours, ours, baseline, …); the table gives the median of each. */
  rounds: 2,
};

/** What the baseline does, printed under the table. */
export const BASELINE = [
  '`/params`: three 256-bit values from `crypto.getRandomValues` (state, nonce, PKCE verifier), the S256 challenge and the cookie name as SHA-256 digests (node:crypto), the same JWE (`dir`, `A256GCM`, jose `EncryptJWT`, with a CryptoKey derived once at start) with the same claims and the same `Set-Cookie` attributes, a JSON body; it reads no cookie (the load sends none, so ours opens none either) and checks no `Sec-Fetch-Site`.',
  '`/callback`: checks `Content-Type` and `Origin`, reads the JSON body, finds the cookie named for the posted state, opens it (jose `jwtDecrypt`, same key), compares the state in constant time, POSTs the same JSON token request with HTTP Basic to the same token endpoint (`fetch`), decodes the id_token (jose `decodeJwt`) and checks iss, aud, exp and nonce, answers the user and clears the cookie. Ours also checks the redirect URI, the id_token’s alg, shape, iat, nbf and sub, and bounds what it reads.',
];

/** Runs the table's passes; `log` gets progress lines. Returns the rows and the plan used. */
export async function measureBackend(log) {
  const serverFile = join(ROOT_DIR, 'dist', 'server.js');
  if (!existsSync(serverFile)) return { missing: 'dist/server.js is not built (npm run build)' };
  const { signIdToken } = await import(pathToFileURL(join(ROOT_DIR, 'dist', 'testing.js')).href);
  const provider = await startProvider(signIdToken);
  const servers = {};
  try {
    for (const mode of ['baseline', 'handler']) {
      servers[mode] = await startServer(mode, `${provider.origin}/token`);
    }
    const agent = new Agent({ keepAlive: true, maxSockets: BACKEND_PLAN.connections });
    const rows = { params: { baseline: [], handler: [] }, callback: { baseline: [], handler: [] } };
    for (const mode of ['baseline', 'handler']) {
      await load(agent, servers[mode], BACKEND_PLAN.warmup, 5, () => paramsRequest());
    }
    for (let round = 0; round < BACKEND_PLAN.rounds; round++) {
      const order = round % 2 === 0 ? ['baseline', 'handler'] : ['handler', 'baseline'];
      for (const mode of order) {
        log(`backend: /params, ${mode}, round ${round + 1}`);
        rows.params[mode].push(
          await load(agent, servers[mode], BACKEND_PLAN.paramsRequests, BACKEND_PLAN.seconds, () =>
            paramsRequest(),
          ),
        );
      }
      for (const mode of order) {
        log(`backend: /callback, ${mode}, round ${round + 1} (preparing sign-ins)`);
        const signIns = await prepareSignIns(agent, servers[mode], provider, mode, round);
        let next = 0;
        rows.callback[mode].push(
          await load(agent, servers[mode], signIns.length, BACKEND_PLAN.seconds, () =>
            callbackRequest(signIns[next++]),
          ),
        );
      }
    }
    agent.destroy();
    return { rows, plan: { ...BACKEND_PLAN } };
  } finally {
    for (const server of Object.values(servers)) server.stop();
    await provider.close();
  }
}

function paramsRequest() {
  return { method: 'GET', path: `${BACKEND.basePath}/params`, headers: {} };
}

function callbackRequest({ cookie, state, code }) {
  const body = JSON.stringify({ code, state, redirectUri: BACKEND.redirectUri });
  return {
    method: 'POST',
    path: `${BACKEND.basePath}/callback`,
    headers: {
      'content-type': 'application/json',
      origin: new URL(BACKEND.redirectUri).origin,
      cookie,
      'content-length': Buffer.byteLength(body),
    },
    body,
  };
}

/** Untimed: one `/params` per callback of the pass, and a code at the provider for each, with its id_token signed now. */
async function prepareSignIns(agent, server, provider, mode, round) {
  const signIns = [];
  await load(
    agent,
    server,
    BACKEND_PLAN.callbackRequests,
    600,
    () => paramsRequest(),
    (response) => {
      const [cookie] = response.headers['set-cookie'][0].split(';');
      const { state, nonce, codeChallenge } = JSON.parse(response.body);
      signIns.push({ cookie, state, nonce, codeChallenge });
    },
  );
  await Promise.all(
    signIns.map(async (signIn, index) => {
      signIn.code = `code-${mode}-${round}-${index}`;
      await provider.register(signIn);
    }),
  );
  return signIns;
}

/**
 * Sends up to `total` requests over `agent`'s connections for at most `seconds`: one request in
 * flight per connection. Every reply must be a 200; `onReply` sees each one.
 */
async function load(agent, server, total, seconds, next, onReply) {
  const { port } = server;
  const cpuBefore = await server.cpu();
  let sent = 0;
  let done = 0;
  const failures = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (sent < total && performance.now() < deadline) {
      sent++;
      const response = await send(agent, port, next());
      done++;
      if (response.status !== 200)
        failures.push(`${response.status} ${response.body.slice(0, 200)}`);
      else onReply?.(response);
    }
  };
  await Promise.all(Array.from({ length: BACKEND_PLAN.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const cpuMicros = (await server.cpu()) - cpuBefore;
  if (failures.length > 0) {
    throw new Error(
      `backend: ${failures.length} of ${done} replies were not 200, first: ${failures[0]}`,
    );
  }
  return {
    requests: done,
    seconds: elapsed,
    perSecond: done / elapsed,
    cpuPerRequest: cpuMicros / done,
  };
}

function send(agent, port, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { agent, host: '127.0.0.1', port, method, path, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A server under test in its own process (bench/lib/backend-server.mjs); BENCH_BACKEND_NODE_ARGS adds Node flags (e.g. --cpu-prof). */
function startServer(mode, tokenEndpoint) {
  const execArgv = (process.env.BENCH_BACKEND_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(join(ROOT_DIR, 'bench', 'lib', 'backend-server.mjs'), [mode, tokenEndpoint], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`backend-server ${mode} exited with ${code}`)));
    child.once('message', ({ port }) => {
      const cpu = () =>
        new Promise((answered) => {
          child.once('message', ({ cpu: { user, system } }) => answered(user + system));
          child.send('cpu');
        });
      resolve({ port, cpu, stop: () => child.disconnect() });
    });
  });
}

/**
 * The token endpoint both servers call, in this process on 127.0.0.1: it redeems each registered
 * code once, for the right client and PKCE verifier, with an RS256 id_token signed by the testing
 * kit's key when the code was registered (so signing is not part of the timed pass).
 */
async function startProvider(signIdToken) {
  const codes = new Map();
  const basic = `Basic ${Buffer.from(`${BACKEND.clientId}:${BACKEND.clientSecret}`).toString('base64')}`;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text);
      const grant = codes.get(body.code);
      codes.delete(body.code);
      const verifierOk =
        grant !== undefined &&
        createHash('sha256').update(String(body.code_verifier)).digest('base64url') ===
          grant.codeChallenge;
      const ok =
        req.headers.authorization === basic &&
        verifierOk &&
        body.redirect_uri === BACKEND.redirectUri &&
        body.grant_type === 'authorization_code';
      res.writeHead(ok ? 200 : 400, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      res.end(
        JSON.stringify(
          ok
            ? {
                access_token: `at-${body.code}`,
                token_type: 'Bearer',
                expires_in: 3600,
                id_token: grant.idToken,
              }
            : { error: { message: 'Invalid authorization_code', code: 100101 } },
        ),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const now = Math.floor(Date.now() / 1000);
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    register: async ({ code, nonce, codeChallenge }) => {
      const idToken = await signIdToken({
        iss: BACKEND.issuer,
        sub: `user-${code}`,
        aud: BACKEND.clientId,
        iat: now,
        exp: now + 3600,
        nonce,
      });
      codes.set(code, { codeChallenge, idToken });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
