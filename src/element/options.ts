import { FreedomIdClient, FreedomIdError, isFreedomIdError } from '../index.js';
import { LOOK, SIGN_IN, attributeOf, type LookOptions, type SignInOptions } from './attributes.js';

/** The narrowest and widest `width` (px) a standard button takes; other values are clamped. */
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 400;

/**
 * Checks the sign-in properties and builds the client, or throws `invalid_config` with a message
 * that names the attribute (or property) to fix, never the SDK's camelCase field.
 */
function createClient(options: SignInOptions): FreedomIdClient {
  const { clientId } = options;
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw invalid(
      'client-id',
      'the client-id attribute is required: set it to the client id Freedom ID support issued to you.',
    );
  }
  checkChoices(SIGN_IN, options);
  try {
    return new FreedomIdClient({
      clientId,
      redirectUri: options.redirectUri,
      scope: options.scope,
      authority: options.authority,
      authorizationEndpoint: options.authorizationEndpoint,
      storage: options.storage,
      pkce: options.pkce,
      navigate: options.navigate,
      paramsUrl: options.paramsUrl,
      backendUrl: options.backendUrl,
      sessionUrl: options.sessionUrl,
      prepare: options.prepare !== 'off',
    });
  } catch (error) {
    if (!isFreedomIdError(error)) throw error;
    // The SDK names the wrong option in `field`: name the attribute (or property) that sets it.
    const field = error.field ?? '';
    const attribute = attributeOf(field);
    if (attribute !== undefined) {
      throw invalid(attribute, `the ${attribute} attribute: ${error.message}`, error);
    }
    if (field in SIGN_IN) throw invalid(field, `the ${field} property: ${error.message}`, error);
    throw invalid(undefined, error.message, error);
  }
}

/** The client for `options`, or the `invalid_config` error that says what to fix. */
export function configure(options: SignInOptions): FreedomIdClient | FreedomIdError {
  try {
    return createClient(options);
  } catch (error) {
    return isFreedomIdError(error) ? error : invalid(undefined, String(error), error);
  }
}

/** Checks the properties that only change the look; returns the `invalid_config` error, if any. */
export function checkLook(options: LookOptions): FreedomIdError | null {
  try {
    checkChoices(LOOK, options);
    if (options.width !== undefined && !Number.isFinite(options.width)) {
      throw invalid(
        'width',
        `width must be a number of pixels between ${MIN_WIDTH} and ${MAX_WIDTH}.`,
      );
    }
    return null;
  } catch (error) {
    if (isFreedomIdError(error)) return error;
    throw error;
  }
}

/** The button's width in px for the `width` property: clamped, or '' for "as wide as its text". */
export function cssWidth(width: number | undefined): string {
  return width !== undefined && Number.isFinite(width)
    ? `${String(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)))}px`
    : '';
}

/** Throws `invalid_config` for a property of `table` whose value is not one of its `choices`. */
function checkChoices<
  T extends Record<string, { attribute?: unknown; choices?: readonly unknown[] }>,
>(table: T, values: Record<keyof T, unknown>): void {
  for (const property of Object.keys(table) as (keyof T & string)[]) {
    const { choices, attribute } = table[property];
    const value = values[property];
    if (choices === undefined || value === undefined || choices.includes(value)) continue;
    throw invalid(
      String(attribute),
      `${String(attribute)}="${String(value)}" is not supported: use one of ${choices.map((item) => `"${String(item)}"`).join(', ')}.`,
    );
  }
}

/** `invalid_config` whose `field` is the attribute (or property) to fix, when there is one. */
function invalid(field: string | undefined, message: string, cause?: unknown): FreedomIdError {
  return new FreedomIdError('invalid_config', `<freedomid-login>: ${message}`, { field, cause });
}
