// Shared by the benchmark's parts: paths, the one esbuild configuration, compression, statistics.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BENCH = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(BENCH, '..');
export const JOBS = join(BENCH, 'jobs');

/** The exact settings every bundle gets; printed into results.md. */
export const ESBUILD_SETTINGS = Object.freeze({
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
});
export const ESBUILD_CLI =
  'esbuild --bundle --minify --format=esm --platform=browser --target=es2020';

/** Bundles `entry` with {@link ESBUILD_SETTINGS}; returns the bytes, the source map if asked for, and esbuild's metafile. */
export async function bundle(entry, extra = {}) {
  const result = await build({
    ...ESBUILD_SETTINGS,
    entryPoints: [entry],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    ...extra,
  });
  const file = (suffix) => result.outputFiles.find((output) => output.path.endsWith(suffix));
  const js = file('.js') ?? result.outputFiles[0];
  const map = file('.js.map');
  return {
    code: Buffer.from(js.contents),
    map: map ? JSON.parse(map.text) : null,
    metafile: result.metafile,
  };
}

export const gzip = (code) => gzipSync(code, { level: 9 }).length;
export const brotli = (code) =>
  brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
    },
  }).length;

/** The version of `name` as installed under `base` (bench/ or the project root). */
export function installedVersion(name, base = BENCH) {
  const file = join(base, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : 'not installed';
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

/** Renders rows (arrays of cells) as a Markdown table, right-aligning numeric columns. */
export function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, index) => Math.max(...cells.map((row) => row[index].length)));
  const numeric = header.map((_, index) =>
    rows.every((row) => /^[\d.,×%+−-]*$|^n\/a$|^—$/.test(String(row[index]))),
  );
  const line = (row) =>
    `| ${row
      .map((cell, index) =>
        numeric[index] ? cell.padStart(widths[index]) : cell.padEnd(widths[index]),
      )
      .join(' | ')} |`;
  const rule = `| ${widths.map((width, index) => (numeric[index] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
