// The lower bound: the same job as the SDK done by hand with the platform only (Web Crypto,
// URL/URLSearchParams, sessionStorage). 256-bit state and nonce, PKCE S256, one single-use
// entry per request under `freedomid.<state>`, stale entries swept on sign-in, TTL and `iss`
// checked on the callback, the code handed over. No configuration checks, no error types.
import {
  AUTHORITY,
  AUTHORIZATION_ENDPOINT,
  CLIENT_ID,
  SCOPE,
  STATE_TTL_SECONDS,
} from './config.js';
import { redirectUri } from './config.js';

const PREFIX = 'freedomid.';
const store = () => globalThis.sessionStorage;
const b64url = (bytes) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
const now = () => Date.now() / 1000;

function sweep() {
  const storage = store();
  for (let index = storage.length - 1; index >= 0; index--) {
    const key = storage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    let created = 0;
    try {
      created = JSON.parse(storage.getItem(key)).created;
    } catch {
      // unreadable: swept
    }
    if (!(created > now() - STATE_TTL_SECONDS)) storage.removeItem(key);
  }
}

export async function createAuthorizationUrl() {
  sweep();
  const state = random();
  const nonce = random();
  const codeVerifier = random();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  const request = { nonce, codeVerifier, redirectUri: redirectUri(), created: now() };
  store().setItem(PREFIX + state, JSON.stringify(request));
  const url = new URL(AUTHORIZATION_ENDPOINT);
  url.search = new URLSearchParams({
    scope: SCOPE,
    state,
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: request.redirectUri,
    nonce,
    code_challenge: b64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  }).toString();
  return url;
}

export async function signIn(navigate = (url) => globalThis.location.assign(url)) {
  navigate(await createAuthorizationUrl());
}

export function handleCallback(href = globalThis.location.href) {
  const url = new URL(href);
  const params = url.searchParams;
  const state = params.get('state');
  const key = PREFIX + state;
  const stored = state && store().getItem(key);
  if (!stored) throw new Error('state_not_found');
  store().removeItem(key); // single use, before anything else
  const request = JSON.parse(stored);
  if (now() - request.created > STATE_TTL_SECONDS) throw new Error('state_expired');
  if (params.has('iss') && params.get('iss') !== AUTHORITY) throw new Error('issuer_mismatch');
  if (params.has('error')) throw new Error(params.get('error'));
  const code = params.get('code');
  if (!code) throw new Error('code_missing');
  if (href === globalThis.location.href) {
    for (const name of ['code', 'state', 'iss', 'session_state']) params.delete(name);
    globalThis.history.replaceState(globalThis.history.state, '', url.href);
  }
  return {
    code,
    state,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    redirectUri: request.redirectUri,
  };
}
