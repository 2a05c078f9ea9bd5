// Second minification pass over the script-tag build, run by `npm run build` after Vite's (before
// sri.mjs hashes the file). Terser's compressor finds ~170 B gzip past Vite's minifier, and its
// ASCII-only output (`\uXXXX` for the ru/kk labels) gzips ~100 B smaller than UTF-8 and reads the
// same on a checkout page served in any charset (a classic script takes the page's encoding).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const file = 'dist/freedomid.iife.js';
const map = `${file}.map`;
const result = await minify(
  { 'freedomid.iife.js': readFileSync(file, 'utf8') },
  {
    ecma: 2020,
    toplevel: true,
    format: { comments: false, ascii_only: true },
    sourceMap: {
      content: readFileSync(map, 'utf8'),
      url: 'freedomid.iife.js.map',
      includeSources: true,
    },
  },
);
writeFileSync(file, result.code);
writeFileSync(map, result.map);
console.log(`minify-iife: ${file} ${Buffer.byteLength(result.code)} B`);
