import { base64UrlEncode, randomAlphanumerics } from './encoding.js';

/** An RS256 key pair: the private half signs id_tokens, the public half is what a JWKS publishes. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: Readonly<PublicJwk>;
}

/** One entry of a JSON Web Key Set (RFC 7517 §4). */
export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

const RS256 = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/**
 * Creates an RS256 key pair with Web Crypto, so it works in browsers and in Node alike.
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.3
 */
export async function createSigningKey({
  kid = randomAlphanumerics(12),
} = {}): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(RS256, true, ['sign', 'verify']);
  const { n, e } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  if (n === undefined || e === undefined)
    throw new Error('Web Crypto exported an RSA key without n/e.');
  return {
    kid,
    privateKey: pair.privateKey,
    publicJwk: { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' },
  };
}

let kitKey: Promise<SigningKey> | undefined;

/**
 * The key the kit's handlers sign with and publish unless told otherwise: made on first use
 * (one per page or Node process, kid `freedomid-testing`), so every handler set agrees on it and
 * a JWKS cached by the code under test stays valid from one test to the next.
 */
export function kitSigningKey(): Promise<SigningKey> {
  kitKey ??= createSigningKey({ kid: 'freedomid-testing' });
  return kitKey;
}

/**
 * Signs `claims` as a compact JWS with RS256 under `key`'s kid (default: {@link kitSigningKey}).
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 */
export async function signIdToken(
  claims: Readonly<Record<string, unknown>>,
  key?: SigningKey,
): Promise<string> {
  const signer = key ?? (await kitSigningKey());
  const header = base64UrlEncode(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: signer.kid }));
  const input = `${header}.${base64UrlEncode(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign(
    RS256.name,
    signer.privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64UrlEncode(new Uint8Array(signature))}`;
}
