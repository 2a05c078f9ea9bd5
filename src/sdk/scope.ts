import { FreedomIdError } from './errors.js';

/** A scope token's allowed characters (RFC 6749 §3.3: %x21 / %x23-5B / %x5D-7E). */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * Returns the scope with `openid` first, each grant once, separated by single spaces.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function normalizeScope(scope: unknown = 'openid'): string {
  if (typeof scope !== 'string') {
    throw new FreedomIdError(
      'invalid_config',
      'scope must be a string of space-separated grants, e.g. "openid read.profile".',
    );
  }
  const grants = new Set(['openid']);
  for (const grant of scope.split(/\s+/)) {
    if (grant === '') continue;
    if (!SCOPE_TOKEN.test(grant)) {
      throw new FreedomIdError(
        'invalid_config',
        `scope grant "${grant}" has characters a scope may not contain (quotes, backslashes, non-ASCII): use grants like "read.profile".`,
      );
    }
    grants.add(grant);
  }
  return [...grants].join(' ');
}
