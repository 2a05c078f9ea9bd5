// keycloak-js: createLoginUrl stores state + nonce + PKCE (in localStorage) and returns the URL;
// the callback is handled inside init(), which always exchanges the code for tokens: it cannot
// hand the code over. It only reads the current page (no URL argument).
import Keycloak from 'keycloak-js';
import { CLIENT_ID, SCOPE, redirectUri } from './config.js';

const keycloak = new Keycloak({
  url: 'https://passport.freedompay.kz',
  realm: 'freedom',
  clientId: CLIENT_ID,
});
const options = {
  pkceMethod: 'S256',
  checkLoginIframe: false,
  responseMode: 'query',
  flow: 'standard',
  scope: SCOPE,
  redirectUri: redirectUri(),
};

export async function signIn(navigate) {
  await keycloak.init(options);
  navigate(await keycloak.createLoginUrl());
}

export async function handleCallback() {
  await keycloak.init(options);
  return keycloak.token;
}
