import { FreedomIdError, invalidConfig } from './errors.js';
import { requestJson } from './http.js';
import { randomToken } from './random.js';

/**
 * A request's `state` and `nonce`, either made in the browser or supplied by the merchant backend;
 * a backend that keeps the PKCE verifier (in its cookie) also supplies the S256 challenge.
 */
export interface AuthParams {
  state: string;
  nonce: string;
  /** base64url(SHA-256(verifier)) of a verifier the backend keeps (RFC 7636 §4.2); the browser then holds none. */
  codeChallenge?: string;
  /** Must be `'S256'` when `codeChallenge` is given. */
  codeChallengeMethod?: 'S256';
}

/** Returns the values of one request; the backend remembers them with the user's browser. */
export type AuthParamsSupplier = () => AuthParams | Promise<AuthParams>;

/** At least 128 bits in base64url, and nothing a URL would have to escape. */
const SUPPLIED_VALUE = /^[A-Za-z0-9._~-]{22,512}$/;

/** An S256 challenge: 32 bytes of SHA-256 in unpadded base64url. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Returns fresh `state` and `nonce`: from `supplier` when given (checked, with its PKCE challenge if any), else 256 bits each from Web Crypto.
 * > [!WARNING] Supplied values shorter than 22 URL-safe characters are refused: a guessable state defeats CSRF protection (RFC 6749 §10.12).
 */
export async function obtainAuthParams(
  supplier: AuthParamsSupplier | undefined,
): Promise<AuthParams> {
  if (supplier === undefined) return { state: randomToken(), nonce: randomToken() };
  let supplied: unknown;
  try {
    supplied = await supplier();
  } catch (cause) {
    if (cause instanceof FreedomIdError) throw cause;
    throw new FreedomIdError(
      'backend_error',
      `authParams failed (${String(cause)}): check the function that supplies state and nonce.`,
      { cause },
    );
  }
  const { state, nonce, codeChallenge, codeChallengeMethod } = (
    typeof supplied === 'object' && supplied !== null ? supplied : {}
  ) as Partial<Record<string, unknown>>;
  for (const [name, value] of [
    ['state', state],
    ['nonce', nonce],
  ] as const) {
    if (typeof value !== 'string' || !SUPPLIED_VALUE.test(value)) {
      throw invalidConfig(
        'authParams',
        `authParams returned ${name} ${String(value)}: it must be at least 22 characters of A-Z a-z 0-9 - _ . ~.`,
      );
    }
  }
  if (codeChallenge === undefined && codeChallengeMethod === undefined) {
    return { state: state as string, nonce: nonce as string };
  }
  if (
    typeof codeChallenge !== 'string' ||
    !S256_CHALLENGE.test(codeChallenge) ||
    codeChallengeMethod !== 'S256'
  ) {
    throw invalidConfig(
      'authParams',
      `authParams returned codeChallenge ${String(codeChallenge)} with codeChallengeMethod ${String(codeChallengeMethod)}: return both, the challenge as 43 base64url characters (S256 of your verifier) and the method "S256".`,
    );
  }
  return { state: state as string, nonce: nonce as string, codeChallenge, codeChallengeMethod };
}

/** Fetches `{ state, nonce, codeChallenge?, codeChallengeMethod? }` from the merchant backend with GET, for the `authParams` option. */
export async function fetchAuthParams(
  paramsUrl: string | URL,
  timeoutMs?: number,
): Promise<AuthParams> {
  const reply = await requestJson(
    String(paramsUrl),
    { method: 'GET', headers: { accept: 'application/json' } },
    timeoutMs,
  );
  return obtainAuthParams(() => reply as AuthParams);
}
