// Integration style 3: the JS API (FreedomIdClient) behind the merchant's own button.
// A merchant writes `from 'freedomid-web'`; the demo imports the source so it runs before a build.
import { fetchAuthParams, FreedomIdClient, isFreedomIdError } from '../../src/index.js';
import { meta, showError, showProfile } from './render.js';

const client = new FreedomIdClient({
  clientId: meta('client-id'),
  redirectUri: `${location.origin}${location.pathname}`,
  authority: meta('authority'),
  scope: meta('scope'),
  // State, nonce and the PKCE challenge come from the backend, which keeps the verifier.
  authParams: () => fetchAuthParams(meta('params-url')),
});

document.querySelector('#sign-in')?.addEventListener('click', () => {
  client.signIn().catch(showError);
});

// The return page: validates the callback (or, inside a sign-in popup, hands it to the opener),
// once, and cleans the address bar; null when this page carries no callback.
try {
  const result = await client.completeSignIn();
  if (result !== null) showProfile(await client.sendToBackend(result, meta('backend-url')));
} catch (error) {
  showError(isFreedomIdError(error) ? error.toJSON() : error);
}
