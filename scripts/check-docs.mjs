// Docs check run by `npm test`: every ```ts, ```tsx and ```js block in README.md and docs/ is a
// snippet a merchant may paste, so each is written out as its own module and type-checked
// against the package's sources (`freedomid-web`, `freedomid-web/server`, …). Blocks that are
// not meant to run use another fence (```html, ```sh, ```text). It also fails on a stale
// cross-reference (scripts/doc-references.mjs) there, in examples/*/README.md and in demo/*.html.
// Usage: node scripts/check-docs.mjs [file.md …]   (default: README.md and docs/**/*.md)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { staleReferences } from './doc-references.mjs';
import { compactCss, undefinedRule, UNDEFINED_RULE_FILE } from './undefined-rule.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.tmp', 'doc-snippets');
const EXTENSIONS = { ts: 'ts', typescript: 'ts', tsx: 'tsx', js: 'js', javascript: 'js' };

/** The Markdown files to read: the arguments, else README.md and every file under docs/. */
function markdownFiles(args) {
  if (args.length > 0) return args.map((file) => resolve(file));
  const docs = join(ROOT, 'docs');
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.md')
          ? [join(dir, entry.name)]
          : [],
    );
  let inDocs = [];
  try {
    inDocs = walk(docs);
  } catch {
    // No docs/ folder yet: the README alone.
  }
  return [join(ROOT, 'README.md'), ...inDocs.sort()];
}

/** Each fenced code block with a checked language: its language, first line number and text. */
function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (open === null) continue;
    const [, indent, fence, lang] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trimStart().startsWith(fence)) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
      j++;
    }
    const extension = EXTENSIONS[lang.toLowerCase()];
    if (extension !== undefined) blocks.push({ extension, line: i + 1, text: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Each ```css block that reserves the element's box: it must be the rule in src/element/undefined-rule.css. */
function staleUndefinedRules(file, markdown) {
  const blocks = [...markdown.matchAll(/```css\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks
    .filter((css) => css.includes('freedomid-login:not(:defined)'))
    .filter((css) => compactCss(css) !== undefinedRule())
    .map(
      () =>
        `${relative(ROOT, file)}: its :not(:defined) rule differs from ${relative(ROOT, UNDEFINED_RULE_FILE)}`,
    );
}

const files = markdownFiles(process.argv.slice(2));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const written = [];
const staleRules = [];
for (const file of files) {
  let markdown;
  try {
    markdown = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  staleRules.push(...staleUndefinedRules(file, markdown));
  const name = relative(ROOT, file).replace(/[^\w.-]+/g, '_');
  for (const { extension, line, text } of codeBlocks(markdown)) {
    const snippet = join(OUT, `${name}.L${line}.${extension}`);
    // `export {}` makes each snippet a module of its own, so two snippets may declare the same names.
    writeFileSync(snippet, `// ${relative(ROOT, file)}:${line}\n${text}\nexport {};\n`);
    written.push(snippet);
  }
}

/** The other files whose references a reader follows: the examples' READMEs and the demo pages. */
function referringFiles() {
  const within = (dir, pick) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && pick(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => !file.includes('node_modules'));
  return [
    ...within('examples', (name) => name === 'README.md'),
    ...within('demo', (name) => name.endsWith('.html')),
  ].sort();
}

const stale = staleReferences(process.argv.length > 2 ? files : [...files, ...referringFiles()]);
if (stale.length > 0) {
  console.error(`docs: a cross-reference points nowhere.\n${stale.join('\n')}`);
  process.exit(1);
}

if (staleRules.length > 0) {
  console.error(`docs: copy the rule again.\n${staleRules.join('\n')}`);
  process.exit(1);
}

if (written.length === 0) {
  console.log('docs: no ts/tsx/js code blocks to check.');
  process.exit(0);
}
writeFileSync(
  join(OUT, 'tsconfig.json'),
  JSON.stringify({
    extends: join(ROOT, 'tsconfig.json'),
    compilerOptions: {
      allowJs: true,
      checkJs: true,
      noUnusedLocals: false,
      noUnusedParameters: false,
    },
    include: written.map((file) => basename(file)),
  }),
);
const tsc = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(OUT, 'tsconfig.json'), '--noEmit'],
  { encoding: 'utf8' },
);
// Point each error back at the Markdown line it came from.
const output = `${tsc.stdout}${tsc.stderr}`.replace(
  /(?:\.tmp\/doc-snippets\/)?([\w.-]+)\.L(\d+)\.(?:tsx?|js)\((\d+),(\d+)\)/g,
  (_, name, start, row, column) =>
    `${name.replace(/_/g, '/')}:${Number(start) + Number(row) - 1}:${column}`,
);
if (tsc.status !== 0) {
  process.stderr.write(output);
  console.error(`docs: a code block in the docs does not type-check (${written.length} checked).`);
  process.exit(1);
}
console.log(`docs: ${written.length} code blocks type-check.`);
