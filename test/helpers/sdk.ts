import {
  FreedomIdClient,
  FreedomIdError,
  type FreedomIdConfig,
  type FreedomIdErrorCode,
} from '../../src/index.js';
// The testing kit's simulator (its module, not the entry, so SDK test pages do not load msw).
import { buildCallbackUrl, simulateSignIn, type SignInFlow } from '../../src/testing/simulator.js';

export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
export const AUTHORITY = 'https://passport.freedompay.kz';
export const REDIRECT_URI = `${location.origin}/login`;

/** A client whose sign-ins go to the testing kit's simulated Freedom ID instead of leaving the page. */
export function makeClient(overrides: Partial<FreedomIdConfig> = {}): {
  client: FreedomIdClient;
  /** Every authorization URL the client navigated to, oldest first. */
  navigations: readonly URL[];
  flow: SignInFlow;
} {
  const { authority } = overrides;
  const flow = simulateSignIn({ issuer: typeof authority === 'string' ? authority : AUTHORITY });
  const client = new FreedomIdClient({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    navigate: flow.navigate,
    ...overrides,
  });
  return { client, navigations: flow.captured, flow };
}

/** The callback URL Freedom ID sends the user back to: `base` with `params` appended, built by the kit. */
export function callbackUrl(params: Record<string, string>, base = REDIRECT_URI): string {
  return buildCallbackUrl(base, params);
}

/** Every code a FreedomIdError may carry: the compiler fails here when the closed set changes. */
const CODES = {
  invalid_config: true,
  invalid_argument: true,
  invalid_callback: true,
  state_missing: true,
  state_not_found: true,
  state_expired: true,
  issuer_mismatch: true,
  code_missing: true,
  provider_error: true,
  storage_unavailable: true,
  backend_error: true,
  invalid_response: true,
  network_error: true,
  timeout: true,
  popup_blocked: true,
  popup_closed: true,
  opener_lost: true,
} satisfies Record<FreedomIdErrorCode, true>;

/** The closed set of error codes, as documented in docs/sdk.md. */
export const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

/**
 * The one way a test says "rejects with code X": `expect((await rejection(() => call())).code).to.equal('x')`.
 * Returns the FreedomIdError that `action` rejects (or throws) with, or that a settled promise was
 * rejected with; fails when it succeeded, or ended with anything but a FreedomIdError of the closed set.
 */
export async function rejection(
  action: (() => unknown) | PromiseSettledResult<unknown>,
): Promise<FreedomIdError> {
  if (typeof action !== 'function') {
    if (action.status === 'rejected') return asFreedomIdError(action.reason);
    throw new Error('Expected a FreedomIdError, but the call succeeded');
  }
  try {
    await action();
  } catch (error) {
    return asFreedomIdError(error);
  }
  throw new Error('Expected a FreedomIdError, but the call succeeded');
}

/** Same as {@link rejection} for code that throws synchronously (a constructor, in a table). */
export function thrown(action: () => unknown): FreedomIdError {
  try {
    action();
  } catch (error) {
    return asFreedomIdError(error);
  }
  throw new Error('Expected a FreedomIdError, but the call succeeded');
}

function asFreedomIdError(error: unknown): FreedomIdError {
  if (!(error instanceof FreedomIdError)) {
    throw new Error(`Expected a FreedomIdError, got ${String(error)}`);
  }
  if (!ERROR_CODES.has(error.code)) throw new Error(`"${error.code}" is not in the closed set`);
  return error;
}

/** The entries the SDK keeps in `storage`, by key. */
export function storedEntries(
  storage: Storage = sessionStorage,
): Record<string, Record<string, unknown>> {
  const entries: Record<string, Record<string, unknown>> = {};
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith('freedomid.'))
      entries[key] = JSON.parse(storage.getItem(key) ?? 'null') as Record<string, unknown>;
  }
  return entries;
}

/** Removes every entry the SDK keeps. */
export function clearEntries(storage: Storage = sessionStorage): void {
  for (const key of Object.keys(storedEntries(storage))) storage.removeItem(key);
}

/** The S256 challenge of `verifier`, computed independently of the SDK (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  );
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Starts a sign-in without navigating and returns the state and nonce the client issued. */
export async function startSignIn(
  client: FreedomIdClient,
  options: Parameters<FreedomIdClient['createAuthorizationUrl']>[0] = {},
): Promise<{ state: string; nonce: string }> {
  const url = await client.createAuthorizationUrl(options);
  const state = url.searchParams.get('state');
  const nonce = url.searchParams.get('nonce');
  if (state === null || nonce === null) throw new Error(`no state or nonce in ${url.href}`);
  return { state, nonce };
}

/** A JSON reply of `body`, streamed in 4 KB chunks without a content-length when `chunked`. */
export function bigReply(body: string, chunked: boolean): Response {
  const bytes = new TextEncoder().encode(body);
  if (!chunked) return new Response(bytes, { headers: { 'content-type': 'application/json' } });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 4096)
        controller.enqueue(bytes.slice(at, at + 4096));
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/json' } });
}

/**
 * Counts the page's `fetch` calls to `path` as they are made (synchronously, before any reply),
 * passing each on unchanged; `stop` puts the page's own `fetch` back.
 */
export function countFetches(path: string): { count: () => number; stop: () => void } {
  const original = globalThis.fetch;
  let count = 0;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === path) count += 1;
    return original(input, init);
  };
  return { count: () => count, stop: () => (globalThis.fetch = original) };
}
