import { redactTokens } from './redact.js';

/** Every `code` a {@link FreedomIdServerError} can carry; the set is closed and documented in docs/backend.md. */
export type FreedomIdServerErrorCode =
  | 'invalid_argument'
  | 'token_error'
  | 'invalid_response'
  | 'network_error'
  | 'timeout'
  | 'invalid_id_token'
  | 'signature_invalid'
  | 'issuer_mismatch'
  | 'audience_mismatch'
  | 'token_expired'
  | 'nonce_mismatch'
  | 'store_unavailable';

/** Fields an error may carry besides its code and message. */
export interface FreedomIdServerErrorDetails {
  /** The option to fix, on `invalid_argument` about an option (`cookieSecret`, `issuer`, an unknown name). */
  field?: string;
  /** The provider's own error code, e.g. Freedom ID's 100101 from its `{"error": {"code"}}` envelope. */
  providerCode?: number | string;
  /** The HTTP status of the provider's reply. */
  status?: number;
  /** The provider's parsed reply (JSON, or text when it was not JSON), with token values redacted. */
  response?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The one error type the server side throws: a stable `code` and a message that says what to change.
 * > [!WARNING] Token values never appear in it: `response` and `toJSON()` carry `"[redacted]"` instead.
 */
export class FreedomIdServerError extends Error implements FreedomIdServerErrorDetails {
  declare readonly name: 'FreedomIdServerError';
  readonly code: FreedomIdServerErrorCode;
  readonly field?: string;
  readonly providerCode?: number | string;
  readonly status?: number;
  readonly response?: unknown;

  constructor(
    code: FreedomIdServerErrorCode,
    message: string,
    details: FreedomIdServerErrorDetails = {},
  ) {
    const { cause, response, ...fields } = details;
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    Object.assign(this, fields);
    if (response !== undefined) this.response = redactTokens(response);
  }

  /** What `JSON.stringify(error)` logs: the code, message and fields, never a token value. */
  toJSON(): Record<string, unknown> {
    const { name, code, message, field, providerCode, status, response } = this;
    return { name, code, message, field, providerCode, status, response };
  }
}

// On the prototype, as a literal: it survives minification, like FreedomIdError's.
(FreedomIdServerError.prototype as { name: string }).name = 'FreedomIdServerError';

/** Whether `value` is a {@link FreedomIdServerError}, also across bundle copies (checks the literal `name`). */
export function isFreedomIdServerError(value: unknown): value is FreedomIdServerError {
  return value instanceof Error && value.name === 'FreedomIdServerError' && 'code' in value;
}
