// The size budgets `npm run size` enforces (the benchmark prints against the same table).

/**
 * Budgets in gzip -9 bytes, each entry bundled with its dependencies (issue 11); null means "report only".
 * Issue 21's in-app browser detection and hint added ~0.6 KB to the SDK and ~1.4 KB to the element;
 * issue 23's backend_error reason fields (backendError, backendMessage) ~0.1 KB to the SDK;
 * issue 20's preparation before the click (prepare(), preconnect) ~0.35 KB to the SDK, ~0.4 KB to the element;
 * issue 19's page session (getSession, signOut, onSessionChange over BroadcastChannel) ~0.45 KB to the SDK,
 * and with the element's signed-in state (session-url, sign-out button, ru/kk/en texts) ~1.25 KB to the element
 * and ~1.3 KB to the script tag.
 */
export const ENTRIES = [
  { name: 'SDK (freedomid-web)', file: 'dist/index.js', bundle: true, budget: 12600 },
  { name: 'element (freedomid-web/element)', file: 'dist/element.js', bundle: true, budget: 24100 },
  // The element's own code: the same entry with the SDK chunk and Lit left out.
  {
    name: "element's own code",
    file: 'dist/element.js',
    bundle: true,
    external: ['./src-*', 'lit', 'lit/*'],
    budget: null,
  },
  {
    name: 'script tag (freedomid.iife.js)',
    file: 'dist/freedomid.iife.js',
    bundle: false,
    budget: 23300,
  },
];

/** The budget of the entry built to `file` (the first listed with one). */
export const budgetOf = (file) =>
  ENTRIES.find((entry) => entry.file === file && entry.budget !== null)?.budget ?? null;
