// Where our bytes go: the SDK entry and the element entry (src/, the working tree) bundled with
// the benchmark's one esbuild configuration, split per source module: minified bytes from
// esbuild's metafile, and an approximate share of the bundle's gzip size from the source map.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, brotli, bundle, gzip } from './common.mjs';

export const SDK_ENTRY = 'src/index.ts';
export const ELEMENT_ENTRY = 'src/element.ts';
/** The built element with its SDK chunk left out, exactly as `npm run size` measures it. */
const BUILT_ELEMENT = 'dist/element.js';
const SDK_CHUNK = './src-*';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map line's segments into [generatedColumn, sourceIndex?] pairs. */
function decodeLine(line, state) {
  const segments = [];
  let column = 0;
  for (const text of line.split(',')) {
    if (text === '') continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const char of text) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length >= 4) {
      state.source += fields[1];
      state.line += fields[2];
      state.column += fields[3];
      if (fields.length >= 5) state.name += fields[4];
      segments.push([column, state.source]);
    } else {
      segments.push([column, -1]);
    }
  }
  return segments;
}

/**
 * The minified output's characters grouped by the source file they came from. A segment runs to
 * the next one; the entry's final `export{…}` statement has no mapping of its own, so it is cut
 * off as glue instead of running on into the last module.
 */
function charactersBySource(code, map) {
  const text = code.toString();
  const exportAt = /export\{[^}]*\};?\s*$/.exec(text)?.index ?? text.length;
  const state = { source: 0, line: 0, column: 0, name: 0 };
  const parts = new Map();
  const append = (source, from, to) => {
    const end = Math.min(to, exportAt);
    if (end > from) parts.set(source, (parts.get(source) ?? '') + text.slice(from, end));
  };
  let lineStart = 0;
  for (const mappingLine of map.mappings.split(';')) {
    if (lineStart > text.length) break;
    const lineEnd =
      text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const segments = decodeLine(mappingLine, state);
    let covered = lineStart;
    segments.forEach(([column, source], at) => {
      const from = lineStart + column;
      const to = lineStart + (segments[at + 1]?.[0] ?? lineEnd - lineStart);
      append('(esbuild glue)', covered, from);
      append(source >= 0 ? map.sources[source] : '(esbuild glue)', from, to);
      covered = to;
    });
    append('(esbuild glue)', covered, lineEnd);
    lineStart = lineEnd + 1;
  }
  append('(esbuild glue)', lineStart, text.length);
  if (exportAt < text.length) {
    parts.set('(esbuild glue)', (parts.get('(esbuild glue)') ?? '') + text.slice(exportAt));
  }
  return parts;
}

function groupOf(path) {
  if (path.includes('node_modules/')) return 'package';
  if (path.startsWith('src/sdk/')) return 'sdk';
  if (path.startsWith('src/element/') || path === ELEMENT_ENTRY) return 'element';
  return 'other';
}

/** The package a bundled module belongs to: its npm package, or our SDK / element code. */
export function packageOf(path) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (match) return match[1];
  const group = groupOf(path);
  if (group === 'sdk' || path === SDK_ENTRY) return 'freedomid-web SDK (src/sdk/, src/index.ts)';
  if (group === 'element') return 'freedomid-web element (src/element/, src/element.ts)';
  return '(exports and esbuild glue)';
}

/** The bundle's modules summed per package, largest first. */
export function byPackage(modules) {
  const packages = new Map();
  for (const module of modules) {
    const name = packageOf(module.path);
    const sum = packages.get(name) ?? { name, min: 0, gzip: 0 };
    sum.min += module.min;
    sum.gzip += module.gzip;
    packages.set(name, sum);
  }
  return [...packages.values()].sort((a, b) => b.min - a.min);
}

const sumOf = (modules) => ({
  min: modules.reduce((sum, module) => sum + module.min, 0),
  gzip: modules.reduce((sum, module) => sum + module.gzip, 0),
});

/**
 * Bundles `entry` (relative to the project root) and splits it per input module. `min` is
 * esbuild's `bytesInOutput`; `gzip` is the bundle's gzip size shared out in proportion to each
 * module's own minified characters gzipped alone (an estimate: in the bundle, modules share
 * gzip's dictionary, so no module has an exact compressed size of its own).
 */
async function breakdownOf(entry) {
  const outfile = join(ROOT, 'bench-breakdown.js'); // never written (write: false)
  const { code, map, metafile } = await bundle(join(ROOT, entry), {
    sourcemap: 'external',
    sourcesContent: false,
    outfile,
  });
  const output = Object.values(metafile.outputs).find((file) => file.entryPoint);
  const characters = charactersBySource(code, map);
  // A package that ships its own source map (oidc-client-ts, Lit) maps back to its src/*.ts files:
  // their characters count for the bundled file of that package with the same name (lit-html.ts →
  // lit-html.js), else for its largest one, never for an input that adds no bytes (is-server.js).
  const packageInputs = Object.entries(output.inputs)
    .filter(([path, { bytesInOutput }]) => groupOf(path) === 'package' && bytesInOutput > 0)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .map(([path]) => path);
  const stem = (path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const inputOf = (path) => {
    const candidates = packageInputs.filter((input) => packageOf(input) === packageOf(path));
    return candidates.find((input) => stem(input) === stem(path)) ?? candidates[0] ?? path;
  };
  const standalone = new Map();
  for (const [source, text] of characters) {
    const path = relative(ROOT, join(ROOT, source));
    const key = groupOf(path) === 'package' ? inputOf(path) : path;
    standalone.set(key, (standalone.get(key) ?? 0) + gzip(Buffer.from(text)));
  }
  const standaloneTotal = [...standalone.values()].reduce((sum, bytes) => sum + bytes, 0);
  const total = { min: code.length, gzip: gzip(code), brotli: brotli(code) };
  const share = (bytes) => Math.round((total.gzip * bytes) / standaloneTotal);
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({
      path,
      group: groupOf(path),
      min: bytesInOutput,
      gzip: share(standalone.get(path) ?? 0),
    }))
    .filter((module) => module.min > 0)
    .sort((a, b) => b.min - a.min);
  // What no module's bytesInOutput counts (the entry's export statement, esbuild's helpers).
  const listed = new Set(modules.map((module) => module.path));
  const rest = [...standalone].filter(([path]) => !listed.has(path));
  modules.push({
    path: '(exports and esbuild glue)',
    group: 'other',
    min: total.min - sumOf(modules).min,
    gzip: share(rest.reduce((sum, [, bytes]) => sum + bytes, 0)),
  });
  const packages = Object.keys(metafile.inputs).filter((path) => groupOf(path) === 'package');
  return { entry, ...total, modules, packages };
}

export async function measureBreakdown() {
  const sdk = await breakdownOf(SDK_ENTRY);
  const element = await breakdownOf(ELEMENT_ENTRY);
  const elementOwn = sumOf(element.modules.filter((module) => module.group === 'element'));
  let builtElementAlone = null;
  if (existsSync(join(ROOT, BUILT_ELEMENT))) {
    const { code } = await bundle(join(ROOT, BUILT_ELEMENT), { external: [SDK_CHUNK] });
    builtElementAlone = { min: code.length, gzip: gzip(code), brotli: brotli(code) };
  }
  return { sdk, element, elementOwn, builtElementAlone, sumOf };
}
