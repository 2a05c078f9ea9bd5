// The strict-CSP page of the SDK alone (no element): bundled with oidc-client-ts by the test
// server's middleware, served under `trusted-types 'none'`. It starts a sign-in (the URL is
// written out instead of followed) or, back with a callback, completes it and writes the result.
import { FreedomIdClient, isFreedomIdError } from '../../../src/index.js';

const write = (id: string, text: string) => {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
};

document.addEventListener('securitypolicyviolation', (event) => {
  const item = document.createElement('li');
  item.textContent = `${event.effectiveDirective} ${event.blockedURI}`;
  document.getElementById('violations')?.append(item);
});

const client = new FreedomIdClient({
  clientId: 'c388f3cd-7722-4040-9bb2-94b0a05093aa',
  redirectUri: location.origin + location.pathname,
  pkce: true,
  navigate: (url) => {
    write('url', url.href);
  },
});

/** Completes the callback this page carries, or starts a sign-in when it carries none. */
async function run(): Promise<void> {
  const result = await client.completeSignIn();
  if (result === null) {
    client.prepare(); // the intent a hover shows: preconnects to the provider under this policy
    await client.signIn();
  } else write('result', JSON.stringify(result));
}

run().catch((error: unknown) => {
  write('error', isFreedomIdError(error) ? error.code : String(error));
});
