// oidc-client-ts, low-level OidcClient: createSigninRequest stores state + nonce + PKCE and
// returns the URL; readSigninResponseState(url, true) parses the callback and consumes the
// state without the token exchange (processSigninResponse would exchange the code). The whole
// class is bundled anyway: its methods cannot be tree-shaken.
import { OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { AUTHORITY, AUTHORIZATION_ENDPOINT, TOKEN_ENDPOINT, CLIENT_ID, SCOPE } from './config.js';
import { redirectUri } from './config.js';

const client = new OidcClient({
  authority: AUTHORITY,
  client_id: CLIENT_ID,
  redirect_uri: redirectUri(),
  scope: SCOPE,
  response_type: 'code',
  metadata: {
    issuer: AUTHORITY,
    authorization_endpoint: AUTHORIZATION_ENDPOINT,
    token_endpoint: TOKEN_ENDPOINT,
  },
  stateStore: new WebStorageStateStore({ store: globalThis.sessionStorage }),
});

export async function signIn(navigate) {
  const request = await client.createSigninRequest({ state: { returnTo: '/' } });
  navigate(request.url);
}

export async function handleCallback(href) {
  const { state, response } = await client.readSigninResponseState(href, true);
  return {
    code: response.code,
    state: state.id,
    nonce: state.nonce,
    codeVerifier: state.code_verifier,
  };
}
