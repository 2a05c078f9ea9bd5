import { defineFreedomIdLogin } from './define-once.js';
import type { FreedomIdLoginEventMap } from './events.js';
import type { FreedomIdLogin } from './freedomid-login.js';

export { defineFreedomIdLogin, TAG_NAME } from './define-once.js';

defineFreedomIdLogin();

declare global {
  interface HTMLElementTagNameMap {
    'freedomid-login': FreedomIdLogin;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the element's events.
  interface GlobalEventHandlersEventMap extends FreedomIdLoginEventMap {}
}
