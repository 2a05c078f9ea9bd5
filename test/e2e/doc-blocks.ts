// The docs' fenced code blocks, read from the Markdown itself: a test that runs a snippet breaks
// when the doc changes, instead of running a copy that drifted.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The body of the first ```language block of `file` (from the repository root) that includes `marker`. */
export function docBlock(file: string, language: string, marker: string): string {
  const markdown = readFileSync(join(ROOT, file), 'utf8');
  const found = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].find(
    ([, lang, body]) => lang === language && body.includes(marker),
  );
  if (found?.[2] === undefined) throw new Error(`${file} has no ${language} block with ${marker}`);
  return found[2];
}

/** `text` with `from` replaced by `to`, failing when the doc no longer says `from` (exactly once). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1)
    throw new Error(
      `The snippet should say ${JSON.stringify(from)} once; update this test with the doc.`,
    );
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}
