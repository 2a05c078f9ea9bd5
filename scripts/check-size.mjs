// Size check run by `npm test`: bundles each browser entry as a user's bundler would, gzips
// it at level 9 and fails when a budget (bytes) is exceeded.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ENTRIES } from './size-budgets.mjs';

let failed = false;
for (const { name, file, bundle, external = [], budget } of ENTRIES) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  const code = bundle ? await bundleMinified(file, external) : readFileSync(file);
  const gzip = gzipSync(code, { level: 9 }).length;
  const verdict =
    budget === null ? 'report only' : gzip <= budget ? `≤ ${budget} ok` : `> ${budget} OVER BUDGET`;
  if (budget !== null && gzip > budget) failed = true;
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
    external,
    write: false,
  });
  return Buffer.from(result.outputFiles[0].contents);
}
