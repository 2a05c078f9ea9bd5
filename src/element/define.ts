import type { FreedomIdLoginEventMap } from './events.js';
import { FreedomIdLogin } from './freedomid-login.js';

/** The element's tag name. */
export const TAG_NAME = 'freedomid-login';

/**
 * Defines `<freedomid-login>` unless it is already defined; when another copy defined it (another
 * version, or this script loaded twice), keeps that one and warns.
 */
export function defineFreedomIdLogin(): void {
  const existing = customElements.get(TAG_NAME);
  if (existing === undefined) {
    customElements.define(TAG_NAME, FreedomIdLogin);
  } else if (existing !== FreedomIdLogin) {
    const other = (existing as Partial<typeof FreedomIdLogin>).version ?? 'an unknown version';
    console.warn(
      `freedomid-web ${FreedomIdLogin.version}: <${TAG_NAME}> is already defined by freedomid-web ${other}; keeping that one. Load freedomid-web once per page.`,
    );
  }
}

// Lit's development build warns about an update scheduled after an update; the label fit means
// it: it measures the rendered label, and a shorter one takes one more update.
FreedomIdLogin.disableWarning?.('change-in-update');
defineFreedomIdLogin();

declare global {
  interface HTMLElementTagNameMap {
    'freedomid-login': FreedomIdLogin;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the element's events.
  interface GlobalEventHandlersEventMap extends FreedomIdLoginEventMap {}
}
