// Session cost, in one process: `POST /callback` of dist/server.js's handler without sessions, with
// a cookie-only session, with the in-memory store and (when `redis-server` is on PATH) the Redis
// store; and `getSession(request)` for each. The handler is called as a function (Request →
// Response), so the numbers are its own work plus a loopback token endpoint, not HTTP serving.
// `node bench/jobs/session-cost.mjs [--quick]`; prints a Markdown table. A benchmark, never a test.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join, resolve, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLIENT = { clientId: 'bench-client', clientSecret: 'bench-client-secret' };
const ISSUER = 'https://passport.freedompay.kz';
const PAGE = 'https://shop.example';
const REDIRECT_URI = `${PAGE}/login`;

/** Sign-ins and session reads per configuration; `--quick` shrinks them to a smoke run. */
export function plan(quick) {
  return quick
    ? { callbacks: 10, reads: 100, warmup: 2 }
    : { callbacks: 600, reads: 20_000, warmup: 100 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** A token endpoint on loopback that answers each registered code with its id_token. */
async function startTokenEndpoint() {
  const idTokens = new Map();
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const { code } = JSON.parse(text);
      const idToken = idTokens.get(code);
      idTokens.delete(code);
      res.writeHead(idToken === undefined ? 400 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          idToken === undefined
            ? { error: { message: 'Invalid authorization_code', code: 100101 } }
            : {
                access_token: `at-${code}`,
                token_type: 'Bearer',
                expires_in: 3600,
                id_token: idToken,
                id: code,
              },
        ),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/token`,
    idTokens,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/** Debian's redis-server on a free loopback port, or undefined when it is not installed. */
async function startRedis() {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const { createClient } = await import('redis');
  const client = createClient({ url: `redis://127.0.0.1:${port}` });
  client.on('error', () => undefined);
  for (let attempt = 0; ; attempt++) {
    try {
      await client.connect();
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return {
    client,
    stop: async () => {
      await client.quit();
      child.kill();
    },
  };
}

/** One sign-in through `handler`: `/params` then a timed `/callback`; returns [ms, session cookie]. */
async function signIn(handler, token, signIdToken, index) {
  const params = await handler(new Request(`${PAGE}/api/freedomid/params`));
  const pending = params.headers.getSetCookie()[0].split(';')[0];
  const { state, nonce } = await params.json();
  const code = `code-${index}-${state.slice(0, 8)}`;
  const now = Math.floor(Date.now() / 1000);
  token.idTokens.set(
    code,
    await signIdToken({
      iss: ISSUER,
      aud: CLIENT.clientId,
      sub: `user-${index}`,
      exp: now + 300,
      iat: now,
      nonce,
    }),
  );
  const request = new Request(`${PAGE}/api/freedomid/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PAGE, cookie: pending },
    body: JSON.stringify({ code, state, redirectUri: REDIRECT_URI }),
  });
  const started = performance.now();
  const reply = await handler(request);
  await reply.arrayBuffer();
  const elapsed = performance.now() - started;
  if (reply.status !== 200) throw new Error(`callback answered ${reply.status}`);
  const session = reply.headers.getSetCookie().find((cookie) => !cookie.includes('Max-Age=0'));
  return [elapsed, session?.split(';')[0]];
}

/** Measures every configuration; returns Markdown lines. */
export async function measureSessionCost({ quick = false, log = () => undefined } = {}) {
  const { callbacks, reads, warmup } = plan(quick);
  const server = await import(pathToFileURL(join(ROOT, 'dist', 'server.js')).href);
  const { signIdToken } = await import(pathToFileURL(join(ROOT, 'dist', 'testing.js')).href);
  const token = await startTokenEndpoint();
  const redis = await startRedis();
  const configurations = [
    ['no session', undefined],
    ['session, cookie only', true],
    ['session, memory store', { store: server.createMemorySessionStore() }],
    ...(redis === undefined
      ? []
      : [['session, Redis store', { store: server.createRedisSessionStore(redis.client) }]]),
  ];
  const lines = [
    `| configuration | /callback median (ms) | getSession median (µs) |`,
    `| --- | ---: | ---: |`,
  ];
  try {
    for (const [name, session] of configurations) {
      log(`session-cost: ${name}`);
      const handler = server.createFreedomIdHandler({
        ...CLIENT,
        redirectUri: REDIRECT_URI,
        cookieSecret: 'a-bench-cookie-secret-of-at-least-32-bytes',
        tokenEndpoint: token.url,
        ...(session === undefined ? {} : { session }),
        onSignIn: (claims) => ({ sub: claims.sub }),
        onError: (error) => console.error('session-cost: refused', error),
      });
      const times = [];
      let cookie;
      for (let index = 0; index < warmup + callbacks; index++) {
        const [elapsed, set] = await signIn(handler, token, signIdToken, index);
        if (index >= warmup) times.push(elapsed);
        cookie ??= set;
      }
      let readCost = 'n/a';
      if (session !== undefined) {
        const request = new Request(`${PAGE}/`, { headers: { cookie } });
        const samples = [];
        for (let index = 0; index < reads; index++) {
          const started = performance.now();
          const found = await handler.getSession(request);
          samples.push(performance.now() - started);
          if (found === null) throw new Error('getSession found no session');
        }
        readCost = (median(samples) * 1000).toFixed(1);
      }
      lines.push(`| ${name} | ${median(times).toFixed(3)} | ${readCost} |`);
    }
  } finally {
    token.close();
    await redis?.stop();
  }
  lines.push(
    '',
    `${callbacks} sign-ins and ${reads} session reads per row${redis === undefined ? '; no redis-server on PATH, so no Redis row' : ''}.`,
  );
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines = await measureSessionCost({
    quick: process.argv.includes('--quick'),
    log: (text) => console.error(text),
  });
  console.log(lines.join('\n'));
}
