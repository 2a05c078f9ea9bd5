import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
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

/** Maps jose's error, matched by its class, onto the closed set. */
function verificationError(
  jwksUri: string,
  { timeoutMs, providerName }: ResolvedProvider,
  cause: unknown,
): FreedomIdServerError {
  const [code, message] = ((): [FreedomIdServerErrorCode, string] => {
    if (cause instanceof errors.JWSSignatureVerificationFailed) {
      return [
        'signature_invalid',
        `The id_token signature does not match ${providerName}'s key: the token was altered or not issued by this provider. Check jwksUri.`,
      ];
    }
    if (
      cause instanceof errors.JWKSNoMatchingKey ||
      cause instanceof errors.JWKSMultipleMatchingKeys ||
      cause instanceof errors.JOSEAlgNotAllowed ||
      cause instanceof errors.JOSENotSupported
    ) {
      return [
        'signature_invalid',
        `No key at ${jwksUri} verifies the id_token (${cause.code}): check that jwksUri belongs to the issuer.`,
      ];
    }
    if (cause instanceof errors.JWTExpired) {
      return [
        'token_expired',
        'The id_token has expired: check the server clock (or clockSkewSeconds) and start the sign-in again.',
      ];
    }
    if (cause instanceof errors.JWKSTimeout) {
      return [
        'timeout',
        `The JWKS at ${jwksUri} did not answer within ${timeoutMs} ms: check the network, or raise timeoutMs.`,
      ];
    }
    if (cause instanceof errors.JWKSInvalid) {
      return [
        'invalid_response',
        `${jwksUri} did not answer with a JSON Web Key Set: check jwksUri.`,
      ];
    }
    if (
      cause instanceof errors.JWSInvalid ||
      cause instanceof errors.JWTInvalid ||
      cause instanceof errors.JWTClaimValidationFailed
    ) {
      return [
        'invalid_id_token',
        `The id_token is malformed or not yet valid (${String(cause)}): it cannot be trusted.`,
      ];
    }
    return [
      'network_error',
      `Could not fetch the JWKS at ${jwksUri} (${String(cause)}): check jwksUri and outbound HTTPS.`,
    ];
  })();
  return new FreedomIdServerError(code, message, { cause });
}
