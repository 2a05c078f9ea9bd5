// The user's browser at the sandbox, followed with fetch: its redirects, cookies and forms.
import assert from 'node:assert/strict';
import type { ParamsReply } from './browser.js';

/** Who signs in, for which client, and where the provider sends the browser back. */
export interface SandboxTrip {
  clientId: string;
  redirectUri: string;
  scope: string;
  login: string;
}

/**
 * Goes from the authorization request to the redirect back, as the user's browser would: follows
 * redirects with the provider's cookies and submits its forms (the login with `login`, then
 * consent); returns the callback URL.
 */
export async function authorizeAtSandbox(
  endpoint: URL,
  params: ParamsReply,
  { clientId, redirectUri, scope, login }: SandboxTrip,
): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(endpoint);
  url.search = new URLSearchParams({
    scope,
    state: params.state,
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    nonce: params.nonce,
    code_challenge: params.codeChallenge ?? '',
    code_challenge_method: 'S256',
  }).toString();
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      method: form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form === undefined ? {} : { body: form.toString() }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    if (location !== null) {
      url = new URL(location, url);
      form = undefined;
      if (url.href.startsWith(redirectUri)) return url;
      continue;
    }
    const html = await response.text();
    // The first form that does not cancel: sign-in (with a login field) or consent.
    const action = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)]
      .map((match) => match[1])
      .find((candidate) => !candidate.endsWith('/abort'));
    assert.ok(action !== undefined, `no form at ${url.href}: ${html.slice(0, 200)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    form = new URLSearchParams(
      /name="login"/.test(html)
        ? { prompt: 'login', login, password: 'any' }
        : { prompt: 'consent' },
    );
  }
  assert.fail('the sandbox never redirected back');
}

/** What the SDK posts to `/callback` for the provider's redirect back (`callback`) to `redirectUri`. */
export function handOff(
  callback: URL,
  redirectUri: string,
): { code: string | null; state: string | null; redirectUri: string } {
  return {
    code: callback.searchParams.get('code'),
    state: callback.searchParams.get('state'),
    redirectUri,
  };
}
