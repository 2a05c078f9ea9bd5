// The element entry (`freedomid-web/element`): importing it defines <freedomid-login>.
import './element/define.js';

export { FreedomIdLogin } from './element/freedomid-login.js';
export { defineFreedomIdLogin, TAG_NAME } from './element/define.js';
export { STRINGS, SESSION_STRINGS } from './element/strings.js';
export { IN_APP_HINTS } from './element/in-app-hint.js';
export type { InAppHintStrings } from './element/in-app-hint.js';
export { MIN_WIDTH, MAX_WIDTH } from './element/options.js';
export type {
  FreedomIdLoginStrings,
  Locale,
  ButtonText,
  SessionStrings,
} from './element/strings.js';
export type {
  FreedomIdRedirectDetail,
  FreedomIdCallbackDetail,
  FreedomIdSessionDetail,
  FreedomIdErrorDetail,
  FreedomIdInAppBrowserDetail,
  FreedomIdSignedInDetail,
  FreedomIdSignedOutDetail,
  FreedomIdLoginEventMap,
} from './element/events.js';
