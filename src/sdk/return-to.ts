import { FreedomIdError } from './errors.js';
import { currentOrigin } from './navigator.js';

/**
 * Returns `returnTo` as a same-origin path (`/path?query#hash`), or throws `invalid_argument`.
 * > [!WARNING] Refuses other origins, scheme-relative (`//host`, `\\host`) and `javascript:` targets: an open redirect after sign-in is a phishing tool.
 */
export function sameOriginPath(returnTo: string): string {
  const origin = currentOrigin();
  const refuse = (why: string) =>
    new FreedomIdError(
      'invalid_argument',
      `returnTo "${returnTo}" ${why}: pass a path on this site such as "/account", or a URL starting with ${origin}/.`,
    );
  if (typeof returnTo !== 'string' || returnTo === '') throw refuse('is empty or not a string');
  // Browsers strip tabs and newlines and treat "\" like "/" in URLs, so "/\evil" would leave the site.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here.
  if (/[\u0000-\u001f\u007f\\]/.test(returnTo))
    throw refuse('contains a backslash or a control character');
  let url: URL;
  try {
    url = new URL(returnTo, `${origin}/`);
  } catch (cause) {
    throw new FreedomIdError(
      'invalid_argument',
      `returnTo "${returnTo}" is not a valid URL or path.`,
      { cause },
    );
  }
  if (url.origin !== origin || !/^https?:$/.test(url.protocol))
    throw refuse('leads to another origin');
  return url.pathname + url.search + url.hash;
}
