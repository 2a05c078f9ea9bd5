// @auth0/auth0-spa-js: loginWithRedirect stores the transaction (state, nonce, PKCE) and hands
// the URL to openUrl; handleRedirectCallback(url) always exchanges the code for tokens: it
// cannot hand the code over.
import { Auth0Client } from '@auth0/auth0-spa-js';
import { CLIENT_ID, SCOPE, redirectUri } from './config.js';

const client = new Auth0Client({
  domain: 'passport.freedompay.kz',
  clientId: CLIENT_ID,
  authorizationParams: { redirect_uri: redirectUri(), scope: SCOPE },
});

export function signIn(navigate) {
  return client.loginWithRedirect({ appState: { returnTo: '/' }, openUrl: (url) => navigate(url) });
}

export function handleCallback(href) {
  return client.handleRedirectCallback(href);
}
