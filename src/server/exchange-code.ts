import { validateIdToken, type IdTokenClaims } from './id-token.js';
import { resolveOptions, type ExchangeCodeOptions } from './options.js';
import { requestTokens, type FreedomIdTokens } from './token-request.js';

/** What {@link exchangeCode} returns. */
export interface ExchangeCodeResult {
  /** The token endpoint's reply, field names as Freedom ID sends them. */
  tokens: FreedomIdTokens;
  /** The id_token's claims, validated. */
  claims: IdTokenClaims;
}

/**
 * Exchanges the authorization code the browser handed over for tokens at Freedom ID and
 * validates the id_token: iss, aud/azp, exp, iat and nonce, and its signature when `jwksUri`
 * is given. Without `jwksUri`, the id_token is trusted because it came straight from the token
 * endpoint over TLS (OIDC Core §3.1.3.7 step 6).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenRequest
 * > [!WARNING] Node only: it needs the client secret, which must never reach a browser.
 */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<ExchangeCodeResult> {
  const resolved = resolveOptions(options);
  const tokens = await requestTokens(resolved);
  const claims = await validateIdToken(tokens.id_token, resolved);
  return { tokens, claims };
}
