// oidc-client-ts, high-level UserManager: signinRedirect navigates by itself (location.assign,
// no hook to capture the URL); signinRedirectCallback cannot stop before the token exchange: it
// posts the code to the token endpoint and validates the id_token.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { AUTHORITY, AUTHORIZATION_ENDPOINT, TOKEN_ENDPOINT, CLIENT_ID, SCOPE } from './config.js';
import { redirectUri } from './config.js';

const manager = new UserManager({
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
  redirectMethod: 'assign',
});

export function signIn() {
  return manager.signinRedirect({ state: { returnTo: '/' } });
}

export function handleCallback(href) {
  return manager.signinRedirectCallback(href);
}
