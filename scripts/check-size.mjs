// Size check run by `npm test`: bundles each browser entry as a user's bundler would, gzips
// it at level 9 and fails when a budget (bytes) is exceeded. The script tag is measured as the file
// a browser downloads; the npm entries in UTF-8, as Vite and terser emit them by default (esbuild's
// default `\uXXXX` escapes of the ru/kk labels gzip ~90 B smaller, so would flatter the element).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ENTRIES } from './size-budgets.mjs';

// README's "## Size" states each budgeted entry's size (KB) and budget (B), in ENTRIES' order.
const readme = readFileSync('README.md', 'utf8').split('## Size')[1] ?? '';
const stated = [...readme.matchAll(/(\d+\.\d) KB/g)].map((match) => Number(match[1]) * 1000);
const statedBudgets = [...readme.matchAll(/(\d{1,3}(?:,\d{3})+) B/g)].map((match) =>
  Number(match[1].replaceAll(',', '')),
);
const budgeted = ENTRIES.filter(({ budget }) => budget !== null);
let failed = false;
if (statedBudgets.join() !== budgeted.map(({ budget }) => budget).join()) {
  console.error(
    `size: README states the budgets ${statedBudgets.join(', ')}; they are ${budgeted.map(({ budget }) => budget).join(', ')}.`,
  );
  failed = true;
}
for (const { name, file, bundle, external = [], budget } of ENTRIES) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  const code = bundle ? await bundleMinified(file, external) : readFileSync(file);
  if (!bundle && code.some((byte) => byte > 0x7f)) {
    console.error(
      `size: ${file} has non-ASCII bytes: a page in another charset would misread them.`,
    );
    failed = true;
  }
  const gzip = gzipSync(code, { level: 9 }).length;
  const verdict =
    budget === null ? 'report only' : gzip <= budget ? `≤ ${budget} ok` : `> ${budget} OVER BUDGET`;
  if (budget !== null && gzip > budget) failed = true;
  const readmeBytes =
    budget === null ? undefined : stated[budgeted.findIndex((entry) => entry.name === name)];
  if (budget !== null && (readmeBytes === undefined || Math.abs(readmeBytes - gzip) > 500)) {
    console.error(
      `size: README's "## Size" says ${String((readmeBytes ?? NaN) / 1000)} KB for ${name}, but it is ${(gzip / 1000).toFixed(1)} KB: update README.`,
    );
    failed = true;
  }
  console.log(
    `size: ${name.padEnd(32)} ${String(code.length).padStart(7)} B min  ${String(gzip).padStart(6)} B gzip -9  (${verdict})`,
  );
}
process.exit(failed ? 1 : 0);

async function bundleMinified(file, external) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    external,
    write: false,
  });
  return Buffer.from(result.outputFiles[0].contents);
}
