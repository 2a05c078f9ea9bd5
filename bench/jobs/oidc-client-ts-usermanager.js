// oidc-client-ts, high-level UserManager: signinRedirect navigates by itself (location.assign,
// no hook to capture the URL); signinRedirectCallback cannot stop before the token exchange: it
// posts the code to the token endpoint and validates the id_token.
import { UserManager } from 'oidc-client-ts';
import { oidcClientTsSettings } from './oidc-client-ts-settings.js';

const manager = new UserManager({ ...oidcClientTsSettings(), redirectMethod: 'assign' });

export function signIn() {
  return manager.signinRedirect({ state: { returnTo: '/' } });
}

export function handleCallback(href) {
  return manager.signinRedirectCallback(href);
}
