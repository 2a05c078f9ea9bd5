/** Every `code` a {@link FreedomIdServerError} can carry; the set is closed and documented in the README. */
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
  | 'nonce_mismatch';

/** Fields an error may carry besides its code and message. */
export interface FreedomIdServerErrorDetails {
  /** Freedom ID's numeric error code from its `{"error": {"code"}}` envelope, e.g. 100101. */
  providerCode?: number | string;
  /** The HTTP status of the token endpoint's reply. */
  status?: number;
  /** The token endpoint's parsed reply (JSON, or text when it was not JSON). */
  response?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/** The one error type the server helper throws: a stable `code` and a message that says what to change. */
export class FreedomIdServerError extends Error implements FreedomIdServerErrorDetails {
  override readonly name = 'FreedomIdServerError' as const;
  readonly code: FreedomIdServerErrorCode;
  readonly providerCode?: number | string;
  readonly status?: number;
  readonly response?: unknown;

  constructor(
    code: FreedomIdServerErrorCode,
    message: string,
    details: FreedomIdServerErrorDetails = {},
  ) {
    const { cause, ...fields } = details;
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    Object.assign(this, fields);
  }
}

/** Whether `value` is a {@link FreedomIdServerError}, also across bundle copies (checks the literal `name`). */
export function isFreedomIdServerError(value: unknown): value is FreedomIdServerError {
  return value instanceof Error && value.name === 'FreedomIdServerError' && 'code' in value;
}
