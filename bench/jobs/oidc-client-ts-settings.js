// The settings both oidc-client-ts jobs (OidcClient and UserManager) share: the common
// configuration of config.js, in oidc-client-ts's shape, with the state kept in sessionStorage.
import { WebStorageStateStore } from 'oidc-client-ts';
import { AUTHORITY, AUTHORIZATION_ENDPOINT, TOKEN_ENDPOINT, CLIENT_ID, SCOPE } from './config.js';
import { redirectUri } from './config.js';

export function oidcClientTsSettings() {
  return {
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
  };
}
