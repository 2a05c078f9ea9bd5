import { providerEndpoints } from './endpoints.js';
import { validateIdToken, type IdTokenClaims } from './id-token.js';
import { resolveOptions, type ExchangeCodeOptions, type SignIn } from './options.js';
import type { ResolvedProvider } from './provider-options.js';
import { requestTokens, type FreedomIdTokens } from './token-request.js';
import { fetchUserinfo } from './userinfo.js';

/** What {@link exchangeCode} returns. */
export interface ExchangeCodeResult {
  /** The token endpoint's reply, field names as the provider sends them. */
  tokens: FreedomIdTokens;
  /** The id_token's claims, validated; with a userinfo endpoint, the profile's claims too (the id_token's win). */
  claims: IdTokenClaims;
}

/**
 * Exchanges an authorization code for tokens and validates the id_token: alg, signature (when a
 * JWKS is given or discovered), iss, aud/azp, exp, iat, nbf and nonce.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenRequest
 * > [!WARNING] Server only: it needs the client secret. Pass the nonce and verifier your backend bound to the browser (createFreedomIdHandler does), never values the browser posts.
 */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<ExchangeCodeResult> {
  const { signIn, provider } = resolveOptions(options);
  return exchangeResolved(signIn, provider);
}

/** {@link exchangeCode} after its options were checked: discovery, token request, id_token checks; `createFreedomIdHandler` calls it with the cookie's values. */
export async function exchangeResolved(
  signIn: SignIn,
  provider: ResolvedProvider,
): Promise<ExchangeCodeResult> {
  const endpoints = await providerEndpoints(provider);
  const tokens = await requestTokens(signIn, provider, endpoints);
  const claims = await validateIdToken(tokens.id_token, signIn.nonce, provider, endpoints);
  if (endpoints.userinfoEndpoint === undefined) return { tokens, claims };
  const profile = await fetchUserinfo(
    tokens.access_token,
    claims.sub,
    endpoints.userinfoEndpoint,
    provider,
  );
  return { tokens, claims: { ...profile, ...claims } };
}
