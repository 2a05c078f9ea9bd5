import { compact } from './compact.js';

/** Every `code` a {@link FreedomIdError} can carry; the set is closed and documented in docs/sdk.md#errors. */
export type FreedomIdErrorCode =
  | 'invalid_config'
  | 'invalid_argument'
  | 'invalid_callback'
  | 'state_missing'
  | 'state_not_found'
  | 'state_expired'
  | 'issuer_mismatch'
  | 'code_missing'
  | 'provider_error'
  | 'storage_unavailable'
  | 'backend_error'
  | 'invalid_response'
  | 'network_error'
  | 'timeout'
  | 'popup_blocked'
  | 'popup_closed'
  | 'opener_lost';

/** Fields an error may carry besides its code and message. */
export interface FreedomIdErrorDetails {
  /** What to fix, on `invalid_config`: the SDK's option (`redirectUri`), or the element's attribute (`redirect-uri`) or property. */
  field?: string;
  /** The OAuth `error` the provider returned (RFC 6749 §4.1.2.1). */
  error?: string;
  /** The provider's `error_description`, as plain text. */
  errorDescription?: string;
  /** The provider's `error_uri`, kept only when it is an `https:` URL. */
  errorUri?: string;
  /** Freedom ID's numeric `error_code`, as sent. */
  providerCode?: string;
  /** Whether the callback carried a state this browser issued. */
  verified?: boolean;
  /** The HTTP status of a backend reply. */
  status?: number;
  /** The backend's parsed reply (JSON, or text when it was not JSON). */
  response?: unknown;
  /** On `backend_error`: the reply's `error` code (`freedomid-web/server`'s, e.g. `state_mismatch`), as text, at most 64 characters. */
  backendError?: string;
  /** On `backend_error`: the reply's `message`, as text (never markup), at most 300 characters. */
  backendMessage?: string;
  /** The underlying error. */
  cause?: unknown;
}

/** The one error type the SDK throws: a stable `code` and a message that says what to change. */
export class FreedomIdError extends Error implements FreedomIdErrorDetails {
  declare readonly name: 'FreedomIdError';
  readonly code: FreedomIdErrorCode;
  readonly field?: string;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly errorUri?: string;
  readonly providerCode?: string;
  readonly verified?: boolean;
  readonly status?: number;
  readonly response?: unknown;
  readonly backendError?: string;
  readonly backendMessage?: string;

  constructor(code: FreedomIdErrorCode, message: string, details: FreedomIdErrorDetails = {}) {
    const { cause, ...fields } = details;
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    Object.assign(this, compact(fields));
  }

  /** A plain object (code, message and the fields that are set), as put in event `detail`. */
  toJSON(): { code: FreedomIdErrorCode; message: string } & Omit<FreedomIdErrorDetails, 'cause'> {
    return { message: this.message, ...Object.fromEntries(Object.entries(this)) } as ReturnType<
      FreedomIdError['toJSON']
    >;
  }
}
// On the prototype, as a literal: it survives minification and stays out of `toJSON`.
(FreedomIdError.prototype as { name: string }).name = 'FreedomIdError';

/** An `invalid_config` error about the configuration key `field`, whose message says what to change. */
export function invalidConfig(field: string, message: string): FreedomIdError {
  return new FreedomIdError('invalid_config', message, { field });
}

/** Whether `value` is a {@link FreedomIdError}, also across bundle copies (checks the literal `name`). */
export function isFreedomIdError(value: unknown): value is FreedomIdError {
  return value instanceof Error && value.name === 'FreedomIdError' && 'code' in value;
}
