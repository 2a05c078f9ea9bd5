declare const __FREEDOMID_VERSION__: string | undefined;

/** This package's version, injected by the build (`define`); `'dev'` when run from source. */
export const VERSION: string =
  typeof __FREEDOMID_VERSION__ === 'string' ? __FREEDOMID_VERSION__ : 'dev';
