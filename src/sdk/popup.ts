import { FreedomIdError } from './errors.js';
import { currentOrigin, isNamedPopup, openPopup, sameOriginOpener } from './navigator.js';

/** The `type` of the message a popup's redirect page posts to its opener. */
export const POPUP_MESSAGE_TYPE = 'freedomid:callback';

/** What the popup posts: the callback URL, which the opener validates against its own stored request. */
export interface PopupMessage {
  type: typeof POPUP_MESSAGE_TYPE;
  href: string;
}

/** What to do when a Cross-Origin-Opener-Policy cut the link between the page and its popup. */
const COOP_ADVICE =
  'a Cross-Origin-Opener-Policy cut the link: serve the pages with "Cross-Origin-Opener-Policy: same-origin-allow-popups" or none.';

/** How often the opener checks whether the user closed the popup. */
const CLOSED_POLL_MS = 250;
/** How long a closed popup's last message may still be in flight. */
const CLOSED_GRACE_MS = 500;

/** Opens the sign-in popup synchronously, or throws `popup_blocked`. */
export function openSignInPopup(): Window {
  const popup = openPopup();
  if (popup === null) {
    throw new FreedomIdError(
      'popup_blocked',
      'The browser blocked the sign-in popup: call signInPopup() inside a click handler, before any await, or use signIn().',
    );
  }
  return popup;
}

/**
 * Waits for the popup's redirect page to post its callback URL carrying `state`.
 * > [!WARNING] Accepts only messages from this origin, from this popup, for the state this page issued; everything else is ignored.
 */
export function waitForPopupCallback(
  popup: Window,
  state: string,
  timeoutMs: number,
): Promise<string> {
  const origin = currentOrigin();
  return new Promise((resolve, reject) => {
    const finish = (error: FreedomIdError | null, href = '') => {
      window.removeEventListener('message', onMessage);
      clearInterval(poll);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(href);
    };
    const onMessage = ({ origin: from, source, data }: MessageEvent<unknown>) => {
      const href = from === origin && source === popup ? popupCallbackHref(data) : undefined;
      if (href !== undefined && callbackState(href, origin) === state) finish(null, href);
    };
    const poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(poll);
      const closed = `The sign-in popup was closed before the sign-in finished. If the user did not close it, ${COOP_ADVICE}`;
      setTimeout(finish, CLOSED_GRACE_MS, new FreedomIdError('popup_closed', closed));
    }, CLOSED_POLL_MS);
    const deadline = setTimeout(
      finish,
      timeoutMs,
      new FreedomIdError(
        'timeout',
        `The sign-in popup did not finish within ${timeoutMs} ms (popupTimeoutMs). Start the sign-in again.`,
      ),
    );
    window.addEventListener('message', onMessage);
  });
}

/**
 * On a popup's redirect page: posts the callback URL to the opener (same origin only) when
 * `pending(opener)` says the opener waits for it, and reports whether it did; any other window
 * (one a merchant opened for its own reasons) handles its callback itself.
 * Throws `opener_lost` when this is the SDK's named popup but the link to its opener was cut.
 */
export function postToOpener(href: string, pending: (opener: Window) => boolean): boolean {
  const opener = sameOriginOpener();
  if (opener === null) {
    // Best effort: a browser may clear window.name on a cross-site navigation (a privacy measure).
    if (!isNamedPopup()) return false;
    throw new FreedomIdError(
      'opener_lost',
      `This sign-in popup lost its link to the page that opened it: ${COOP_ADVICE}`,
    );
  }
  if (!pending(opener)) return false;
  const message: PopupMessage = { type: POPUP_MESSAGE_TYPE, href };
  opener.postMessage(message, currentOrigin());
  return true;
}

/** The `href` of a {@link PopupMessage}, or undefined for any other data. */
function popupCallbackHref(data: unknown): string | undefined {
  const { type, href } = (typeof data === 'object' && data !== null ? data : {}) as Partial<
    Record<string, unknown>
  >;
  return type === POPUP_MESSAGE_TYPE && typeof href === 'string' ? href : undefined;
}

function callbackState(href: string, origin: string): string | null {
  try {
    const url = new URL(href);
    return url.origin === origin ? url.searchParams.get('state') : null;
  } catch {
    return null;
  }
}
