// Cross-references a reader follows by hand, checked by `npm run docs`: a Markdown link to a file
// or a heading, a quoted README section ("the README's "X"", ""X" in the README"), a bare
// "see the README" that names no section, and a demo page's prose naming a call its script lacks.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The headings of a Markdown file, outside code fences. */
function headings(markdown) {
  let fenced = false;
  const found = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading !== null) found.push(heading[1]);
  }
  return found;
}

/** Text outside code fences and inline code, where a reader meets references. */
function prose(markdown) {
  return markdown.replace(/^\s*(`{3,}|~{3,})[\s\S]*?^\s*\1/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Each stale reference in one Markdown file, as `file: what is wrong`. */
function markdownProblems(file, markdown, readmeHeadings) {
  const problems = [];
  const name = relative(ROOT, file);
  const text = prose(markdown);
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][\w+.-]*:/i.test(target)) continue;
    const [path, fragment] = target.split('#');
    const linked = path === '' ? file : resolve(dirname(file), path);
    if (!existsSync(linked)) {
      problems.push(`${name}: links to ${target}, and ${relative(ROOT, linked)} does not exist`);
      continue;
    }
    if (fragment === undefined || !linked.endsWith('.md')) continue;
    const slugs = headings(readFileSync(linked, 'utf8')).map(headingSlug);
    if (!slugs.includes(fragment)) {
      problems.push(
        `${name}: links to ${target}, and ${relative(ROOT, linked)} has no such heading`,
      );
    }
  }
  const quoted = [
    ...text.matchAll(/README(?:'s)?\s+"([^"]+)"/g),
    ...text.matchAll(/"([^"]+)"\s+in\s+the\s+README/g),
  ];
  for (const [, section] of quoted) {
    // A heading as written, its step number ("2′. ") aside.
    if (!readmeHeadings.some((heading) => heading.replace(/^\d+[′″]*\.\s+/, '') === section)) {
      problems.push(`${name}: names the README's "${section}", and README.md has no such heading`);
    }
  }
  return problems;
}

/** Each vague README reference and each `<code>call()</code>` a demo page's script never makes. */
function demoPageProblems(file, html) {
  const problems = [];
  const name = relative(ROOT, file);
  if (/see the README\)/i.test(html)) {
    problems.push(`${name}: "see the README" names no section: link the file or heading meant`);
  }
  const script = join(
    ROOT,
    'demo',
    'pages',
    `${relative(join(ROOT, 'demo'), file).replace(/\.html$/, '')}.ts`,
  );
  if (!existsSync(script)) return problems;
  const code = readFileSync(script, 'utf8');
  for (const [, call] of html.matchAll(/<code>(\w+)\(\)<\/code>/g)) {
    if (!code.includes(`${call}(`)) {
      problems.push(
        `${name}: its text names ${call}(), which ${relative(ROOT, script)} never calls`,
      );
    }
  }
  return problems;
}

/** Every stale cross-reference in the given Markdown and demo HTML files. */
export function staleReferences(files) {
  const readme = join(ROOT, 'README.md');
  const readmeHeadings = headings(readFileSync(readme, 'utf8'));
  return files.flatMap((file) => {
    if (!existsSync(file)) return [];
    const text = readFileSync(file, 'utf8');
    return file.endsWith('.html')
      ? demoPageProblems(file, text)
      : markdownProblems(file, text, readmeHeadings);
  });
}
