import { FreedomIdError } from './errors.js';
import { currentOrigin } from './navigator.js';

/**
 * Returns `returnTo` as a same-origin path (`/path?query#hash`), or throws `invalid_argument`.
 * > [!WARNING] Refuses other origins, scheme-relative (`//host`, `\\host`) and `javascript:` targets, a path that dot segments fold into `//host`, and backslashes or control characters anywhere (browsers strip or reinterpret them): an open redirect after sign-in is a phishing tool.
 */
export function sameOriginPath(returnTo: string): string {
  const origin = currentOrigin();
  let url: URL | undefined;
  try {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here.
    if (typeof returnTo === 'string' && returnTo && !/[\u0000-\u001f\u007f\\]/.test(returnTo)) {
      url = new URL(returnTo, `${origin}/`);
    }
  } catch {
    // refused below
  }
  // A path folded to "//host" (from "/..//host" or "/%2e//host") would leave the site when followed.
  if (url?.origin !== origin || !/^https?:$/.test(url.protocol) || url.pathname.startsWith('//')) {
    throw new FreedomIdError(
      'invalid_argument',
      `returnTo ${JSON.stringify(returnTo)} must be a path on this site, like "/account", or a URL starting with ${origin}/.`,
    );
  }
  return url.pathname + url.search + url.hash;
}
