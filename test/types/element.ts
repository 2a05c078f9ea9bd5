// Type-level test of the element's property types (checked by `npm run typecheck`, never run):
// each is derived from the property table in src/element/attributes.ts, so a value outside a
// choice's list does not compile.
import type { FreedomIdLogin } from '../../src/element/freedomid-login.js';

export function configure(el: FreedomIdLogin): void {
  el.clientId = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
  el.theme = 'dark';
  el.uxMode = 'popup';
  el.storage = 'local';
  el.locale = 'kk';
  el.text = 'continue';
  el.width = 320;
  el.pkce = true;
  el.theme = undefined;
  el.navigate = (url) => {
    console.log(url.href);
  };
  el.strings = { signin: 'Log in with Freedom ID' };
  // @ts-expect-error not one of the themes
  el.theme = 'drak';
  // @ts-expect-error not one of the sizes
  el.size = 'huge';
  // @ts-expect-error not one of the modes
  el.uxMode = 'tab';
  // @ts-expect-error the storage attribute takes "session" or "local" only
  el.storage = 'cookie';
  // @ts-expect-error a width is a number
  el.width = '320px';
  // @ts-expect-error pkce is a flag
  el.pkce = 'true';
  // @ts-expect-error the client id is always a string
  el.clientId = undefined;
  // @ts-expect-error navigate receives the URL
  el.navigate = (url: string) => {
    console.log(url);
  };
  // @ts-expect-error no such label
  el.strings = { signout: 'Leave' };
}
