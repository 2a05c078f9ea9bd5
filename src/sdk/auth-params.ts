import { FreedomIdError } from './errors.js';
import { requestJson } from './http.js';
import { randomToken } from './random.js';

/** A request's `state` and `nonce`, either made in the browser or supplied by the merchant backend. */
export interface AuthParams {
  state: string;
  nonce: string;
}

/** Returns `state` and `nonce` for one request; the backend remembers them with the user's session. */
export type AuthParamsSupplier = () => AuthParams | Promise<AuthParams>;

/** At least 128 bits in base64url, and nothing a URL would have to escape. */
const SUPPLIED_VALUE = /^[A-Za-z0-9._~-]{22,512}$/;

/**
 * Returns fresh `state` and `nonce`: from `supplier` when given (checked), else 256 bits each from Web Crypto.
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
      {
        cause,
      },
    );
  }
  const { state, nonce } = (
    typeof supplied === 'object' && supplied !== null ? supplied : {}
  ) as Partial<Record<string, unknown>>;
  for (const [name, value] of [
    ['state', state],
    ['nonce', nonce],
  ] as const) {
    if (typeof value !== 'string' || !SUPPLIED_VALUE.test(value)) {
      throw new FreedomIdError(
        'invalid_config',
        `authParams returned ${name} ${String(value)}: it must be at least 22 characters of A-Z a-z 0-9 - _ . ~.`,
      );
    }
  }
  return { state: state as string, nonce: nonce as string };
}

/** Fetches `{ state, nonce }` from the merchant backend with GET, for the `authParams` option. */
export async function fetchAuthParams(
  paramsUrl: string | URL,
  timeoutMs = 15000,
): Promise<AuthParams> {
  const reply = await requestJson(
    String(paramsUrl),
    { method: 'GET', headers: { accept: 'application/json' } },
    timeoutMs,
  );
  return obtainAuthParams(() => reply as AuthParams);
}
