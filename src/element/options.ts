import {
  FreedomIdClient,
  FreedomIdError,
  isFreedomIdError,
  type FreedomIdConfig,
} from '../index.js';

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
} as const;

export type ChoiceAttribute = keyof typeof CHOICES;

/** The narrowest and widest `width` (px) a standard button takes; other values are clamped. */
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 400;

/** The SDK's configuration fields, and what sets each on the element. */
const FIELD_NAMES: [field: string, name: string][] = [
  ['clientId', 'the client-id attribute'],
  ['redirectUri', 'the redirect-uri attribute'],
  ['authority', 'the authority attribute'],
  ['scope', 'the scope attribute'],
  ['storage', 'the storage attribute'],
  ['pkce', 'the pkce attribute'],
  ['navigate', 'the navigate property'],
];

/** What the element reads from its attributes and properties to build a client. */
export interface ElementOptions {
  config: FreedomIdConfig;
  backendUrl: string | undefined;
  choices: Partial<Record<ChoiceAttribute, string | undefined>>;
  width: number | undefined;
}

/** Returns `value` when it is one of `attribute`'s choices (or unset), else throws `invalid_config` naming the attribute. */
export function checkChoice(attribute: ChoiceAttribute, value: string | undefined): void {
  const allowed: readonly string[] = CHOICES[attribute];
  if (value === undefined || allowed.includes(value)) return;
  throw new FreedomIdError(
    'invalid_config',
    `<freedomid-login>: ${attribute}="${value}" is not supported: use one of ${allowed.map((choice) => `"${choice}"`).join(', ')}.`,
  );
}

/**
 * Checks the element's attributes and builds its client, or throws `invalid_config` with a message
 * that names the attribute to fix (never the SDK's camelCase field).
 */
export function createClient({
  config,
  backendUrl,
  choices,
  width,
}: ElementOptions): FreedomIdClient {
  if (config.clientId.trim() === '') {
    throw new FreedomIdError(
      'invalid_config',
      '<freedomid-login>: the client-id attribute is required: set it to the client id Freedom ID support issued to you.',
    );
  }
  for (const [attribute, value] of Object.entries(choices)) {
    checkChoice(attribute as ChoiceAttribute, value);
  }
  if (width !== undefined && !Number.isFinite(width)) {
    throw new FreedomIdError(
      'invalid_config',
      `<freedomid-login>: width must be a number of pixels between ${MIN_WIDTH} and ${MAX_WIDTH}.`,
    );
  }
  if (backendUrl !== undefined) checkBackendUrl(backendUrl);
  try {
    return new FreedomIdClient(config);
  } catch (error) {
    if (!isFreedomIdError(error)) throw error;
    const name = FIELD_NAMES.find(([field]) => error.message.includes(field))?.[1];
    const prefix = name === undefined ? '' : `${name}: `;
    throw new FreedomIdError('invalid_config', `<freedomid-login>: ${prefix}${error.message}`, {
      cause: error,
    });
  }
}

function checkBackendUrl(value: string): void {
  let url: URL | null;
  try {
    url = value.trim() === '' ? null : new URL(value, location.href);
  } catch {
    url = null;
  }
  if (url === null || !/^https?:$/.test(url.protocol)) {
    throw new FreedomIdError(
      'invalid_config',
      `<freedomid-login>: backend-url "${value}" is not an http(s) URL: set it to your backend's callback endpoint, e.g. /api/freedomid/callback.`,
    );
  }
}
