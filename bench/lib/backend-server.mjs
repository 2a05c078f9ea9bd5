// One server under test for the backend table, in its own process: `handler` is our built
// createFreedomIdHandler through toNodeListener; `baseline` is a plain node:http listener that does
// the same work by hand (see BASELINE in backend.mjs). It listens on 127.0.0.1 and sends its port
// to the parent over IPC; it ends when the parent disconnects.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeJwt, EncryptJWT, jwtDecrypt } from 'jose';
import { BACKEND, ROOT_DIR } from './backend-config.mjs';

const [mode, tokenEndpoint] = process.argv.slice(2);

const listener =
  mode === 'handler' ? await ourListener() : mode === 'baseline' ? await baselineListener() : null;
if (listener === null) throw new Error(`backend-server: unknown mode ${mode}`);
const server = createServer(listener);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});
// The parent asks for this process's CPU time (all threads, the thread pool's included) around each pass.
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
});

/** The handler as a merchant mounts it: createFreedomIdHandler → toNodeListener, from dist/. */
async function ourListener() {
  const { createFreedomIdHandler, toNodeListener } = await import(
    pathToFileURL(join(ROOT_DIR, 'dist', 'server.js')).href
  );
  const handler = createFreedomIdHandler({
    clientId: BACKEND.clientId,
    clientSecret: BACKEND.clientSecret,
    redirectUri: BACKEND.redirectUri,
    cookieSecret: BACKEND.cookieSecret,
    tokenEndpoint,
    onSignIn: (claims) => ({ user: { sub: claims.sub } }),
    onError: (error) => {
      console.error('backend-server: handler refused a request', error);
    },
  });
  return toNodeListener(handler);
}

/** A plain node:http listener doing the same random values, digests, JWE and token request by hand. */
async function baselineListener() {
  const key = await cookieKey(BACKEND.cookieSecret);
  const secret = () => crypto.getRandomValues(Buffer.alloc(32)).toString('base64url');
  const sha256 = (text) => createHash('sha256').update(text).digest('base64url');
  const cookieNameOf = (state) => `__Host-freedomid_${sha256(state).slice(0, 16)}`;
  const attributes = `Path=/; Max-Age=${BACKEND.ttl}; HttpOnly; SameSite=Lax; Secure`;
  const origin = new URL(BACKEND.redirectUri).origin;
  const basic = `Basic ${Buffer.from(`${BACKEND.clientId}:${BACKEND.clientSecret}`).toString('base64')}`;
  const json = (res, status, body, cookies = []) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
    });
    res.end(JSON.stringify(body));
  };

  const params = async (req, res) => {
    const created = Date.now();
    const pending = { state: secret(), nonce: secret(), created, codeVerifier: secret() };
    const sealed = await new EncryptJWT(pending)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt(Math.floor(created / 1000))
      .setExpirationTime(Math.floor(created / 1000) + BACKEND.ttl)
      .encrypt(key);
    json(
      res,
      200,
      {
        state: pending.state,
        nonce: pending.nonce,
        codeChallenge: sha256(pending.codeVerifier),
        codeChallengeMethod: 'S256',
      },
      [`${cookieNameOf(pending.state)}=${sealed}; ${attributes}`],
    );
  };

  const callback = async (req, res) => {
    if (req.headers['content-type'] !== 'application/json' || req.headers.origin !== origin) {
      json(res, 403, { error: 'forbidden_origin' });
      return;
    }
    let text = '';
    for await (const chunk of req) text += chunk;
    const { code, state, redirectUri } = JSON.parse(text);
    const name = cookieNameOf(state);
    const value = (req.headers.cookie ?? '')
      .split('; ')
      .find((part) => part.startsWith(`${name}=`))
      ?.slice(name.length + 1);
    const { payload } = await jwtDecrypt(value ?? '', key, { clockTolerance: 0 });
    const [bound, posted] = [Buffer.from(String(payload.state)), Buffer.from(String(state))];
    if (bound.length !== posted.length || !timingSafeEqual(bound, posted)) {
      json(res, 400, { error: 'state_mismatch' });
      return;
    }
    const reply = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        authorization: basic,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        code,
        redirect_uri: redirectUri,
        grant_type: 'authorization_code',
        code_verifier: payload.codeVerifier,
      }),
    });
    const tokens = await reply.json();
    const claims = decodeJwt(tokens.id_token);
    const now = Date.now() / 1000;
    if (
      claims.iss !== BACKEND.issuer ||
      claims.aud !== BACKEND.clientId ||
      claims.nonce !== payload.nonce ||
      !(claims.exp > now)
    ) {
      json(res, 400, { error: 'id_token_invalid' });
      return;
    }
    json(res, 200, { user: { sub: claims.sub } }, [
      `${name}=; ${attributes.replace(/Max-Age=\d+/, 'Max-Age=0')}`,
    ]);
  };

  return (req, res) => {
    const route =
      req.url === `${BACKEND.basePath}/params`
        ? params
        : req.url === `${BACKEND.basePath}/callback`
          ? callback
          : null;
    if (route === null) {
      json(res, 404, { error: 'not_found' });
      return;
    }
    route(req, res).catch((error) => {
      console.error('backend-server: baseline failed', error);
      if (!res.headersSent) json(res, 500, { error: 'failed' });
    });
  };
}

/** The same HKDF-SHA-256 key the handler derives for its pending cookies, imported once. */
async function cookieKey(secret) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'HKDF',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode('freedomid-web'),
      info: new TextEncoder().encode('pending sign-in cookie A256GCM'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
