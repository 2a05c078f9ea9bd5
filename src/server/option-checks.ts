import { FreedomIdServerError } from './errors.js';

/** A non-empty string option, else `invalid_argument` saying what to pass. */
export function requiredString<T extends object>(
  options: T,
  field: keyof T & string,
  what: string,
): string {
  const value = (options as Record<string, unknown>)[field];
  if (typeof value !== 'string' || value === '') {
    throw invalid(field, `${field} is required: pass ${what}.`);
  }
  return value;
}

/** Throws `invalid_argument` naming an option of `options` that `known` does not list (a typo, or another call's option). */
export function refuseUnknownOptions(options: object, known: object, call: string): void {
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(known, key)) {
      throw invalid(
        key,
        `Unknown option "${key}" of ${call}: the options are ${Object.keys(known).join(', ')}.`,
      );
    }
  }
}

/** An option from a closed list, else `invalid_argument` listing the allowed values. */
export function oneOf<T extends string | boolean>(
  options: object,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = (options as Record<string, unknown>)[field];
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw invalid(
      field,
      `${field} ${JSON.stringify(value)} is not supported: use one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}.`,
    );
  }
  return value as T;
}

/** An `invalid_argument` error about the option `field` (undefined: the call as a whole), which the merchant has to fix. */
export function invalid(
  field: string | undefined,
  message: string,
  cause?: unknown,
): FreedomIdServerError {
  return new FreedomIdServerError(
    'invalid_argument',
    message,
    field === undefined ? { cause } : { field, cause },
  );
}
