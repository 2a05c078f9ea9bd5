import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { FreedomIdServerError, type FreedomIdServerErrorCode } from './errors.js';
import type { ResolvedProvider } from './provider-options.js';

/** One remote key set per JWKS URL and timeout, so keys are fetched once and refetched on rotation. */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * Verifies the id_token's signature with `jose` against the provider's JWKS, accepting only the
 * configured `idTokenSigningAlg`, and returns its payload.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifySignature(
  idToken: string,
  jwksUri: URL,
  provider: ResolvedProvider,
): Promise<JWTPayload> {
  const { timeoutMs, clockSkewSeconds, idTokenSigningAlg } = provider;
  const cacheKey = `${jwksUri.href} ${timeoutMs}`;
  let keySet = keySets.get(cacheKey);
  if (keySet === undefined) {
    keySet = createRemoteJWKSet(jwksUri, { timeoutDuration: timeoutMs });
    keySets.set(cacheKey, keySet);
  }
  try {
    const { payload } = await jwtVerify(idToken, keySet, {
      algorithms: [idTokenSigningAlg],
      clockTolerance: clockSkewSeconds,
    });
    return payload;
  } catch (cause) {
    throw verificationError(jwksUri.href, provider, cause);
  }
}

/** Maps jose's error codes onto the closed set. */
function verificationError(
  jwksUri: string,
  { timeoutMs, providerName }: ResolvedProvider,
  cause: unknown,
): FreedomIdServerError {
  const joseCode =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const [code, message] = ((): [FreedomIdServerErrorCode, string] => {
    switch (joseCode) {
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return [
          'signature_invalid',
          `The id_token signature does not match ${providerName}'s key: the token was altered or not issued by this provider. Check jwksUri.`,
        ];
      case 'ERR_JWKS_NO_MATCHING_KEY':
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
      case 'ERR_JOSE_NOT_SUPPORTED':
        return [
          'signature_invalid',
          `No key at ${jwksUri} verifies the id_token (${joseCode}): check that jwksUri belongs to the issuer.`,
        ];
      case 'ERR_JWT_EXPIRED':
        return [
          'token_expired',
          'The id_token has expired: check the server clock (or clockSkewSeconds) and start the sign-in again.',
        ];
      case 'ERR_JWKS_TIMEOUT':
        return [
          'timeout',
          `The JWKS at ${jwksUri} did not answer within ${timeoutMs} ms: check the network, or raise timeoutMs.`,
        ];
      case 'ERR_JWKS_INVALID':
        return [
          'invalid_response',
          `${jwksUri} did not answer with a JSON Web Key Set: check jwksUri.`,
        ];
      case 'ERR_JWS_INVALID':
      case 'ERR_JWT_INVALID':
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
        return [
          'invalid_id_token',
          `The id_token is malformed or not yet valid (${String(cause)}): it cannot be trusted.`,
        ];
      default:
        return [
          'network_error',
          `Could not fetch the JWKS at ${jwksUri} (${String(cause)}): check jwksUri and outbound HTTPS.`,
        ];
    }
  })();
  return new FreedomIdServerError(code, message, { cause });
}
