// oauth4webapi: building blocks. Random state/nonce/verifier and the S256 challenge come from
// the library; the URL and the storage are the caller's (as in its own examples);
// validateAuthResponse checks the callback against the expected state and returns the code's
// parameters, stopping before the token exchange.
import * as oauth from 'oauth4webapi';
import { AUTHORITY, AUTHORIZATION_ENDPOINT, TOKEN_ENDPOINT, CLIENT_ID, SCOPE } from './config.js';
import { redirectUri } from './config.js';

const as = {
  issuer: AUTHORITY,
  authorization_endpoint: AUTHORIZATION_ENDPOINT,
  token_endpoint: TOKEN_ENDPOINT,
};
const client = { client_id: CLIENT_ID };
const KEY = 'oauth4webapi.request';

export async function signIn(navigate) {
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  globalThis.sessionStorage.setItem(KEY, JSON.stringify({ state, nonce, codeVerifier }));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    scope: SCOPE,
    state,
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: redirectUri(),
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  navigate(url);
}

export function handleCallback(href) {
  const stored = JSON.parse(globalThis.sessionStorage.getItem(KEY));
  globalThis.sessionStorage.removeItem(KEY);
  const params = oauth.validateAuthResponse(as, client, new URL(href), stored.state);
  return {
    code: params.get('code'),
    state: stored.state,
    nonce: stored.nonce,
    codeVerifier: stored.codeVerifier,
  };
}
