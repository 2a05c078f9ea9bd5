// The script-tag entry: defines <freedomid-login> on load and exposes one global, window.FreedomID.
import { FreedomIdClient, FreedomIdError, isFreedomIdError } from './index.js';
import './element/define.js';
import { FreedomIdLogin } from './element/freedomid-login.js';
import { VERSION } from './element/version.js';

/** What `window.FreedomID` holds. */
export interface FreedomIdGlobal {
  FreedomIdClient: typeof FreedomIdClient;
  FreedomIdError: typeof FreedomIdError;
  FreedomIdLogin: typeof FreedomIdLogin;
  isFreedomIdError: typeof isFreedomIdError;
  version: string;
}

declare global {
  interface Window {
    FreedomID?: FreedomIdGlobal;
  }
}

// A second copy on the page keeps the first global, which matches the element actually defined.
window.FreedomID ??= Object.freeze({
  FreedomIdClient,
  FreedomIdError,
  FreedomIdLogin,
  isFreedomIdError,
  version: VERSION,
});
