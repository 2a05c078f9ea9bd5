// The one source of the CSS that reserves <freedomid-login>'s box before it is defined:
// src/element/undefined-rule.css. The bench measures it; `npm run docs` checks the copy in docs/.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const UNDEFINED_RULE_FILE = join(ROOT, 'src/element/undefined-rule.css');

/** CSS as one rule per line, comments dropped and whitespace collapsed, so copies compare by content. */
export function compactCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,])\s*/g, '$1')
    .replace(/}/g, '}\n')
    .trim();
}

/** The rule as the page gets it. */
export function undefinedRule() {
  return compactCss(readFileSync(UNDEFINED_RULE_FILE, 'utf8'));
}
