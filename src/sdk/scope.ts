import { invalidConfig } from './errors.js';

/**
 * Returns the scope with `openid` first, each grant once, separated by single spaces; a grant must
 * be printable ASCII without quotes or backslashes.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function normalizeScope(scope: unknown = 'openid'): string {
  const grants = typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];
  if (
    typeof scope !== 'string' ||
    !grants.every((grant) => /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(grant))
  ) {
    throw invalidConfig(
      'scope',
      `scope ${JSON.stringify(scope)} must be space-separated grants without quotes, backslashes or non-ASCII, like "openid read.profile".`,
    );
  }
  return [...new Set(['openid', ...grants])].join(' ');
}
