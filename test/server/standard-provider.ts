// A plain standards OpenID provider for the server tests, played by MSW: a discovery document, a
// form-encoded token endpoint with client_secret_post (RFC 6749 §2.3.1, §4.1.3), an issuer ending in "/".
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { kitSigningKey, readCode, signIdToken } from '../../src/testing/index.js';
import { CLIENT_ID, CLIENT_SECRET } from './fixtures.js';

export const STANDARD_ISSUER = 'https://idp.example/';
export const STANDARD_DISCOVERY = 'https://idp.example/.well-known/openid-configuration';
export const STANDARD_TOKEN_ENDPOINT = 'https://idp.example/oauth2/token';
export const STANDARD_JWKS_URI = 'https://idp.example/oauth2/jwks';

/** How one test bends the provider. */
export interface StandardProviderOptions {
  /** Fields merged over the discovery document (`undefined` removes one). */
  metadata?: Record<string, unknown>;
  /** Milliseconds the discovery document takes. */
  discoveryDelayMs?: number;
  /** Counts discovery fetches. */
  onDiscovery?: () => void;
}

/** The discovery document, token endpoint and JWKS of the standards provider. */
export function standardProvider(options: StandardProviderOptions = {}): HttpHandler[] {
  return [
    http.get(STANDARD_DISCOVERY, async () => {
      options.onDiscovery?.();
      if (options.discoveryDelayMs !== undefined) await delay(options.discoveryDelayMs);
      return HttpResponse.json({
        issuer: STANDARD_ISSUER,
        authorization_endpoint: 'https://idp.example/oauth2/authorize',
        token_endpoint: STANDARD_TOKEN_ENDPOINT,
        jwks_uri: STANDARD_JWKS_URI,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
        ...options.metadata,
      });
    }),
    http.post(STANDARD_TOKEN_ENDPOINT, async ({ request }) => {
      if (request.headers.get('content-type') !== 'application/x-www-form-urlencoded') {
        return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
      }
      const form = new URLSearchParams(await request.text());
      if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
        return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      }
      const minted = readCode(form.get('code') ?? '');
      if (form.get('grant_type') !== 'authorization_code' || minted === null) {
        return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = await signIdToken({
        iss: STANDARD_ISSUER,
        aud: CLIENT_ID,
        exp: now + 300,
        iat: now,
        nonce: minted.nonce,
        ...minted.claims,
      });
      return HttpResponse.json({ access_token: 'at', token_type: 'Bearer', id_token: idToken });
    }),
    http.get(STANDARD_JWKS_URI, async () =>
      HttpResponse.json({ keys: [(await kitSigningKey()).publicJwk] }),
    ),
  ];
}
