import {
  FreedomIdClient,
  FreedomIdError,
  fetchAuthParams,
  isFreedomIdError,
  type Navigate,
  type StorageOption,
} from '../index.js';
import { ATTRIBUTES, propertyName } from './properties.js';

/** The values each enumerated attribute accepts; the first one is the default. */
export const CHOICES = {
  theme: ['filled', 'outline', 'dark'],
  size: ['medium', 'small', 'large'],
  shape: ['rectangular', 'pill', 'circle', 'square'],
  text: ['signin', 'signup', 'continue'],
  type: ['standard', 'icon'],
  'logo-alignment': ['left', 'center'],
  locale: ['ru', 'kk', 'en'],
  storage: ['session', 'local'],
  'ux-mode': ['redirect', 'popup'],
} as const;

/** The narrowest and widest `width` (px) a standard button takes; other values are clamped. */
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 400;

/** Reads one of the element's attributes: its value, or undefined when it is absent. */
export type ReadAttribute = (name: string) => string | undefined;

/** `value` when it is one of `choices`, else undefined. */
export function oneOf<T extends string>(
  choices: readonly T[],
  value: string | undefined,
): T | undefined {
  return choices.find((choice) => choice === value);
}

/**
 * Checks the element's attributes and builds its client, or throws `invalid_config` with a message
 * that names the attribute to fix (never the SDK's camelCase field).
 */
export function createClient(read: ReadAttribute, navigate: Navigate | undefined): FreedomIdClient {
  const clientId = read('client-id') ?? '';
  if (clientId.trim() === '') {
    throw invalid(
      'the client-id attribute is required: set it to the client id Freedom ID support issued to you.',
    );
  }
  for (const [attribute, choices] of Object.entries(CHOICES)) {
    const value = read(attribute);
    if (value !== undefined && oneOf(choices, value) === undefined) {
      throw invalid(
        `${attribute}="${value}" is not supported: use one of ${choices.map((choice) => `"${choice}"`).join(', ')}.`,
      );
    }
  }
  if (!Number.isFinite(Number(read('width') ?? 0))) {
    throw invalid(`width must be a number of pixels between ${MIN_WIDTH} and ${MAX_WIDTH}.`);
  }
  const paramsUrl = read('params-url');
  checkHttpUrl(
    'backend-url',
    read('backend-url'),
    "your backend's callback endpoint, e.g. /api/freedomid/callback",
  );
  checkHttpUrl(
    'params-url',
    paramsUrl,
    "your backend's endpoint that returns { state, nonce }, e.g. /api/freedomid/params",
  );
  try {
    return new FreedomIdClient({
      clientId,
      redirectUri: read('redirect-uri') ?? location.origin + location.pathname,
      scope: read('scope'),
      authority: read('authority'),
      storage: read('storage') as StorageOption | undefined,
      pkce: read('pkce') !== undefined,
      navigate,
      authParams: paramsUrl === undefined ? undefined : () => fetchAuthParams(paramsUrl),
    });
  } catch (error) {
    if (!isFreedomIdError(error)) throw error;
    // The SDK's messages start with the field: name the attribute (or property) that sets it.
    const field = error.message.split(' ')[0];
    const attribute = ATTRIBUTES.find((name) => propertyName(name) === field);
    const prefix =
      attribute !== undefined
        ? `the ${attribute} attribute: `
        : field === 'navigate'
          ? 'the navigate property: '
          : '';
    throw invalid(prefix + error.message, error);
  }
}

function invalid(message: string, cause?: unknown): FreedomIdError {
  return new FreedomIdError('invalid_config', `<freedomid-login>: ${message}`, { cause });
}

/** Throws `invalid_config` unless `value` is absent or an http(s) URL (relative ones resolve against the page). */
function checkHttpUrl(attribute: string, value: string | undefined, example: string): void {
  if (value === undefined) return;
  let url: URL | null;
  try {
    url = value.trim() === '' ? null : new URL(value, location.href);
  } catch {
    url = null;
  }
  if (url === null || !/^https?:$/.test(url.protocol)) {
    throw invalid(`${attribute} "${value}" is not an http(s) URL: set it to ${example}.`);
  }
}
