// oidc-client-ts, low-level OidcClient: createSigninRequest stores state + nonce + PKCE and
// returns the URL; readSigninResponseState(url, true) parses the callback and consumes the
// state without the token exchange (processSigninResponse would exchange the code). The whole
// class is bundled anyway: its methods cannot be tree-shaken.
import { OidcClient } from 'oidc-client-ts';
import { oidcClientTsSettings } from './oidc-client-ts-settings.js';

const client = new OidcClient(oidcClientTsSettings());

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
