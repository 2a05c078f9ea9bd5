import { timingSafeEqual } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { FreedomIdServerError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { verifySignature } from './signature.js';

/** The validated claims of a Freedom ID id_token; other claims depend on the granted scopes. */
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
 * Validates the id_token received from the token endpoint and returns its claims.
 * With `jwksUri` the signature is verified; without it the token is trusted because it came
 * directly from the token endpoint over TLS, as OIDC Core §3.1.3.7 step 6 allows.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * > [!WARNING] Without `jwksUri`, never use this for an id_token that reached you any other way (e.g. from a browser).
 */
export async function validateIdToken(
  idToken: string,
  options: ResolvedOptions,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<IdTokenClaims> {
  const payload =
    options.jwksUri === undefined
      ? decodeUnverified(idToken)
      : await verifySignature(
          idToken,
          options.jwksUri,
          options.timeoutMs,
          options.clockSkewSeconds,
        );
  return checkClaims(payload, options, nowSeconds);
}

function decodeUnverified(idToken: string): JWTPayload {
  try {
    if (decodeProtectedHeader(idToken).alg === 'none') throw new Error('alg "none"');
    return decodeJwt(idToken);
  } catch (cause) {
    throw new FreedomIdServerError(
      'invalid_id_token',
      `The token endpoint returned an id_token that is not a signed JWT (${String(cause)}): check tokenEndpoint.`,
      { cause },
    );
  }
}

/** Checks iss, aud (and azp), exp, iat, sub and nonce (OIDC Core §3.1.3.7 steps 2–4, 9–11). */
function checkClaims(payload: JWTPayload, options: ResolvedOptions, now: number): IdTokenClaims {
  const { iss, aud, azp, exp, iat, sub, nonce } = payload as JWTPayload & {
    azp?: unknown;
    nonce?: unknown;
  };
  const skew = options.clockSkewSeconds;
  if (iss !== options.issuer) {
    throw new FreedomIdServerError(
      'issuer_mismatch',
      `The id_token was issued by "${String(iss)}", not "${options.issuer}": set issuer to the provider's issuer (no trailing slash).`,
    );
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(options.clientId)) {
    throw new FreedomIdServerError(
      'audience_mismatch',
      `The id_token is for ${JSON.stringify(aud)}, not for clientId "${options.clientId}": check clientId.`,
    );
  }
  if ((azp !== undefined || audiences.length > 1) && azp !== options.clientId) {
    throw new FreedomIdServerError(
      'audience_mismatch',
      `The id_token has several audiences and its azp is ${JSON.stringify(azp)}, not clientId "${options.clientId}".`,
    );
  }
  if (typeof exp !== 'number' || typeof iat !== 'number' || typeof sub !== 'string' || sub === '') {
    throw new FreedomIdServerError(
      'invalid_id_token',
      'The id_token lacks a numeric exp or iat, or a sub: it cannot be trusted.',
    );
  }
  if (now > exp + skew) {
    throw new FreedomIdServerError(
      'token_expired',
      `The id_token expired ${now - exp} s ago: check the server clock (or clockSkewSeconds) and start the sign-in again.`,
    );
  }
  if (iat > now + skew) {
    throw new FreedomIdServerError(
      'invalid_id_token',
      `The id_token was issued ${iat - now} s in the future: check the server clock, or raise clockSkewSeconds.`,
    );
  }
  if (typeof nonce !== 'string' || !equalStrings(nonce, options.nonce)) {
    throw new FreedomIdServerError(
      'nonce_mismatch',
      "The id_token's nonce is not the one the browser generated for this sign-in: pass the nonce from the browser's hand-off unchanged; a mismatch may mean a replayed token.",
    );
  }
  return payload as IdTokenClaims;
}

function equalStrings(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
