// @azure/msal-browser (OIDC protocol mode, metadata given so nothing is discovered):
// loginRedirect stores the request (state, nonce, PKCE) and passes the URL to
// onRedirectNavigate, where returning false stops its own navigation; handleRedirectPromise
// always exchanges the code for tokens and only reads the current page.
import { PublicClientApplication } from '@azure/msal-browser';
import { AUTHORITY, AUTHORIZATION_ENDPOINT, TOKEN_ENDPOINT, CLIENT_ID, SCOPE } from './config.js';
import { redirectUri } from './config.js';

const app = new PublicClientApplication({
  auth: {
    clientId: CLIENT_ID,
    authority: AUTHORITY,
    knownAuthorities: ['passport.freedompay.kz'],
    protocolMode: 'OIDC',
    authorityMetadata: JSON.stringify({
      issuer: AUTHORITY,
      authorization_endpoint: AUTHORIZATION_ENDPOINT,
      token_endpoint: TOKEN_ENDPOINT,
      end_session_endpoint: `${AUTHORITY}/logout`,
      jwks_uri: `${AUTHORITY}/jwks`,
    }),
    redirectUri: redirectUri(),
  },
  cache: { cacheLocation: 'sessionStorage' },
});
const ready = app.initialize();

export async function signIn(navigate) {
  await ready;
  await app.loginRedirect({
    scopes: [SCOPE],
    onRedirectNavigate: (url) => {
      navigate(url);
      return false;
    },
  });
}

export async function handleCallback() {
  await ready;
  return app.handleRedirectPromise();
}
