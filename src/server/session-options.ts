import { invalid } from './option-checks.js';
import { secureUrl } from './provider-urls.js';
import type { SessionStore } from './session-store.js';

/** The `session` option of `createFreedomIdHandler`: `true` for the defaults, or these settings. */
export interface SessionOptions {
  /** Seconds a session lives at most from sign-in, renewed or not. Default 604800 (7 days). */
  absoluteSeconds?: number;
  /** Seconds without a renewal (`GET {basePath}/session`) after which it ends. Default 86400 (1 day). */
  idleSeconds?: number;
  /** Where sessions are kept so the provider can end them (revoke, back-channel logout); without one the cookie alone is the session. */
  store?: SessionStore;
  /** Where the provider sends the browser after RP-initiated logout (`post_logout_redirect_uri`), as registered there. */
  postLogoutRedirectUri?: string;
  /** `POST {basePath}/revoke` is accepted only with this header (name and exact value), e.g. a shared secret. */
  revokeHeader?: { name: string; value: string };
  /** `POST {basePath}/revoke` is accepted only from these addresses (as `clientAddress` gives them). */
  revokeAllowFrom?: readonly string[];
  /** The caller's address for `revokeAllowFrom`. Default: the socket's address under `toNodeListener`, else unknown (refused). */
  clientAddress?: (request: Request) => string | undefined;
}

/** {@link SessionOptions} checked, with defaults filled in. */
export interface ResolvedSession {
  absoluteSeconds: number;
  idleSeconds: number;
  store: SessionStore | undefined;
  postLogoutRedirectUri: URL | undefined;
  revokeHeader: { name: string; value: string } | undefined;
  revokeAllowFrom: ReadonlySet<string> | undefined;
  clientAddress: ((request: Request) => string | undefined) | undefined;
}

/** Default absolute lifetime: 7 days, as express-openid-connect's. */
export const DEFAULT_ABSOLUTE_SECONDS = 7 * 24 * 3600;

/** Default inactivity lifetime: 1 day. */
export const DEFAULT_IDLE_SECONDS = 24 * 3600;

const SESSION_OPTIONS = {
  absoluteSeconds: true,
  idleSeconds: true,
  store: true,
  postLogoutRedirectUri: true,
  revokeHeader: true,
  revokeAllowFrom: true,
  clientAddress: true,
} as const satisfies Record<keyof SessionOptions, true>;

const STORE_METHODS = ['set', 'get', 'delete', 'deleteBy', 'useOnce'] as const;

/** Checks the `session` option and throws `invalid_argument` naming the field to fix; undefined when sessions are off. */
export function resolveSessionOptions(value: unknown): ResolvedSession | undefined {
  if (value === undefined || value === false) return undefined;
  const options: SessionOptions = value === true ? {} : (value as SessionOptions);
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw invalid('session', 'session must be true, false or an object of session settings.');
  }
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(SESSION_OPTIONS, key)) {
      throw invalid(
        `session.${key}`,
        `Unknown option "${key}" of session: the options are ${Object.keys(SESSION_OPTIONS).join(', ')}.`,
      );
    }
  }
  const {
    absoluteSeconds = DEFAULT_ABSOLUTE_SECONDS,
    idleSeconds = DEFAULT_IDLE_SECONDS,
    store,
    revokeHeader,
    revokeAllowFrom,
    clientAddress,
  } = options;
  if (!Number.isInteger(absoluteSeconds) || absoluteSeconds < 60) {
    throw invalid(
      'session.absoluteSeconds',
      'session.absoluteSeconds must be a whole number of seconds, 60 or more, e.g. 604800.',
    );
  }
  if (!Number.isInteger(idleSeconds) || idleSeconds < 60 || idleSeconds > absoluteSeconds) {
    throw invalid(
      'session.idleSeconds',
      'session.idleSeconds must be a whole number of seconds from 60 to session.absoluteSeconds, e.g. 86400.',
    );
  }
  if (
    store !== undefined &&
    !STORE_METHODS.every(
      (name) => typeof (store as unknown as Record<string, unknown>)[name] === 'function',
    )
  ) {
    throw invalid(
      'session.store',
      `session.store must be a SessionStore (${STORE_METHODS.join(', ')}): createMemorySessionStore() or createRedisSessionStore(client).`,
    );
  }
  if (
    revokeHeader !== undefined &&
    (typeof revokeHeader !== 'object' ||
      typeof revokeHeader.name !== 'string' ||
      !/^[\w-]+$/.test(revokeHeader.name) ||
      typeof revokeHeader.value !== 'string' ||
      revokeHeader.value.length < 16)
  ) {
    throw invalid(
      'session.revokeHeader',
      'session.revokeHeader must be { name: "x-revoke-secret", value: "<at least 16 characters>" }.',
    );
  }
  if (
    revokeAllowFrom !== undefined &&
    (!Array.isArray(revokeAllowFrom) ||
      !revokeAllowFrom.every((item) => typeof item === 'string' && item !== ''))
  ) {
    throw invalid(
      'session.revokeAllowFrom',
      'session.revokeAllowFrom must be a list of addresses, e.g. ["203.0.113.7"].',
    );
  }
  if (clientAddress !== undefined && typeof clientAddress !== 'function') {
    throw invalid(
      'session.clientAddress',
      'session.clientAddress must be a function (request) => address.',
    );
  }
  return {
    absoluteSeconds,
    idleSeconds,
    store,
    postLogoutRedirectUri:
      options.postLogoutRedirectUri === undefined
        ? undefined
        : secureUrl('session.postLogoutRedirectUri', options.postLogoutRedirectUri),
    revokeHeader:
      revokeHeader === undefined
        ? undefined
        : { ...revokeHeader, name: revokeHeader.name.toLowerCase() },
    revokeAllowFrom: revokeAllowFrom === undefined ? undefined : new Set(revokeAllowFrom),
    clientAddress,
  };
}
