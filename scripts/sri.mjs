// Writes the Subresource Integrity hash (sha384) of the script-tag build next to it, for the
// <script integrity="…"> attribute: dist/freedomid.iife.js.sri holds "sha384-<base64>".
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'dist/freedomid.iife.js';
const integrity = `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
writeFileSync(`${file}.sri`, `${integrity}\n`);
console.log(`sri: ${file} ${integrity}`);
