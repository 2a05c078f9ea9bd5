// The size budgets `npm run size` enforces (the benchmark prints against the same table).

/** Budgets in gzip -9 bytes, each entry bundled with its dependencies (issue 11); null means "report only". */
export const ENTRIES = [
  { name: 'SDK (freedomid-web)', file: 'dist/index.js', bundle: true, budget: 11500 },
  { name: 'element (freedomid-web/element)', file: 'dist/element.js', bundle: true, budget: 21400 },
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
    budget: 21000,
  },
];

/** The budget of the entry built to `file` (the first listed with one). */
export const budgetOf = (file) =>
  ENTRIES.find((entry) => entry.file === file && entry.budget !== null)?.budget ?? null;
