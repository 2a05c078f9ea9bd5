import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { equalSecrets } from './constant-time.js';
import type { Endpoints } from './endpoints.js';
import { FreedomIdServerError } from './errors.js';
import type { ResolvedProvider } from './provider-options.js';
import { verifySignature } from './signature.js';

/** The validated claims of an id_token; other claims depend on the granted scopes. */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nonce: string;
  azp?: string;
  [claim: string]: unknown;
}

/**
 * Validates the id_token received from the token endpoint and returns its claims: on every path
 * its `alg` must be `idTokenSigningAlg` and its signature segment non-empty; with a JWKS (given or
 * discovered) the signature is verified, without one the token is trusted because it came
 * directly from the token endpoint over TLS, as OIDC Core §3.1.3.7 step 6 allows.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * > [!WARNING] Without a JWKS, never use this for an id_token that reached you any other way (e.g. from a browser).
 */
export async function validateIdToken(
  idToken: string,
  nonce: string,
  provider: ResolvedProvider,
  { jwksUri }: Endpoints,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<IdTokenClaims> {
  checkShape(idToken, provider.idTokenSigningAlg);
  const payload =
    jwksUri === undefined ? decodeJwt(idToken) : await verifySignature(idToken, jwksUri, provider);
  return checkClaims(payload, nonce, provider, nowSeconds);
}

/** A compact JWS with the expected `alg` and a non-empty signature (OIDC Core §3.1.3.7 step 7). */
function checkShape(idToken: string, expectedAlg: string): void {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(idToken).alg;
    decodeJwt(idToken);
  } catch (cause) {
    throw new FreedomIdServerError(
      'invalid_id_token',
      `The token endpoint returned an id_token that is not a JWT (${String(cause)}): check tokenEndpoint.`,
      { cause },
    );
  }
  if (alg !== expectedAlg) {
    throw new FreedomIdServerError(
      'invalid_id_token',
      `The id_token is signed with alg ${JSON.stringify(alg)}, not idTokenSigningAlg "${expectedAlg}": it cannot be trusted (set idTokenSigningAlg if your client is registered for another).`,
    );
  }
  if (idToken.split('.')[2] === '') {
    throw new FreedomIdServerError(
      'invalid_id_token',
      'The id_token has an empty signature: it is not a signed JWT and cannot be trusted.',
    );
  }
}

/** Checks iss, aud (and azp), exp, iat, nbf, sub and nonce (OIDC Core §3.1.3.7 steps 2–4, 9–11). */
function checkClaims(
  payload: JWTPayload,
  expectedNonce: string,
  provider: ResolvedProvider,
  now: number,
): IdTokenClaims {
  const { iss, aud, azp, exp, iat, nbf, sub, nonce } = payload as JWTPayload & {
    azp?: unknown;
    nonce?: unknown;
  };
  const { clientId, issuer, clockSkewSeconds: skew } = provider;
  if (iss !== issuer) {
    throw new FreedomIdServerError(
      'issuer_mismatch',
      `The id_token was issued by ${JSON.stringify(iss)}, not "${issuer}": set issuer exactly as the provider writes it (a trailing "/" matters).`,
    );
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(clientId)) {
    throw new FreedomIdServerError(
      'audience_mismatch',
      `The id_token is for ${JSON.stringify(aud)}, not for clientId "${clientId}": check clientId.`,
    );
  }
  if ((azp !== undefined || audiences.length > 1) && azp !== clientId) {
    throw new FreedomIdServerError(
      'audience_mismatch',
      `The id_token has several audiences and its azp is ${JSON.stringify(azp)}, not clientId "${clientId}".`,
    );
  }
  if (
    typeof exp !== 'number' ||
    typeof iat !== 'number' ||
    (nbf !== undefined && typeof nbf !== 'number') ||
    typeof sub !== 'string' ||
    sub === ''
  ) {
    throw new FreedomIdServerError(
      'invalid_id_token',
      'The id_token lacks a numeric exp or iat, or a sub, or has a non-numeric nbf: it cannot be trusted.',
    );
  }
  if (now > exp + skew) {
    throw new FreedomIdServerError(
      'token_expired',
      `The id_token expired ${now - exp} s ago: check the server clock (or clockSkewSeconds) and start the sign-in again.`,
    );
  }
  if (iat > now + skew || (nbf !== undefined && nbf > now + skew)) {
    throw new FreedomIdServerError(
      'invalid_id_token',
      `The id_token is not valid before ${Math.max(iat, nbf ?? 0) - now} s from now: check the server clock, or raise clockSkewSeconds.`,
    );
  }
  if (typeof nonce !== 'string' || !equalSecrets(nonce, expectedNonce)) {
    throw new FreedomIdServerError(
      'nonce_mismatch',
      "The id_token's nonce is not the one bound to this sign-in: the code may have been stolen from another sign-in or replayed. Start the sign-in again.",
    );
  }
  return payload as IdTokenClaims;
}
