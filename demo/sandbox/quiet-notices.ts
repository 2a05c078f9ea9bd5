// Imported before oidc-provider: drops exactly two of its console warnings, which say nothing a
// sandbox user can act on, and lets every other line through.

/**
 * The dropped warnings' openings. oidc-provider 9 calls every Node below 22 unsupported when it
 * loads, though it runs on Node 20.18 and later (this package's `engines`); and it warns that its
 * in-memory adapter loses state on restart, which a development sandbox wants.
 */
export const DROPPED_WARNINGS: readonly string[] = [
  'oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS, or a later LTS release.',
  'oidc-provider WARNING: a quick start development-only in-memory adapter is used,',
];

/** Colour codes oidc-provider wraps its warnings in on a terminal (ECMA-48 SGR). */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g');

/** Whether console.warn's arguments are one of the dropped warnings. */
export function isDroppedWarning(args: readonly unknown[]): boolean {
  const [first] = args;
  if (args.length !== 1 || typeof first !== 'string') return false;
  const line = first.replace(SGR, '');
  return DROPPED_WARNINGS.some((opening) => line.startsWith(opening));
}

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (!isDroppedWarning(args)) warn(...args);
};
