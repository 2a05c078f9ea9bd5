import { createElement, useCallback, useRef, type ReactElement } from 'react';
import type { FreedomIdLoginEventMap } from '../element/events.js';
import type { FreedomIdLogin } from '../element/freedomid-login.js';
import type { FreedomIdLoginAttributes, FreedomIdLoginEventProps } from '../react.js';

/** The element's events, each once: the component listens to all of them. */
const EVENTS = Object.keys({
  'freedomid-redirect': true,
  'freedomid-callback': true,
  'freedomid-session': true,
  'freedomid-error': true,
  'freedomid-in-app-browser': true,
  'freedomid-signed-in': true,
  'freedomid-signed-out': true,
} satisfies Record<keyof FreedomIdLoginEventMap, true>) as (keyof FreedomIdLoginEventMap)[];

/** What `<FreedomIdLoginButton>` takes: the element's attributes and `onfreedomid-*` handlers, as in JSX. */
export type FreedomIdLoginButtonProps = FreedomIdLoginAttributes &
  FreedomIdLoginEventProps & { id?: string; className?: string };

/**
 * `<freedomid-login>` for React 19 and server rendering (Next.js App Router): attaches the
 * `onfreedomid-*` handlers itself, which React does not do for a server-rendered custom element
 * when it hydrates, and defines the element only once they listen, so no event is missed.
 * @see https://github.com/facebook/react/issues/35446
 */
export function FreedomIdLoginButton(props: FreedomIdLoginButtonProps): ReactElement {
  const handlers = useRef(props);
  handlers.current = props;
  const attach = useCallback((element: FreedomIdLogin | null) => {
    if (element === null) return undefined;
    if (element.hasUpdated) {
      console.warn(
        'freedomid-web/react: <freedomid-login> ran before <FreedomIdLoginButton> could listen to it; import freedomid-web/react alone, not also freedomid-web/element, so the component defines it.',
      );
    }
    const listeners = EVENTS.map((type) => {
      const listener = (event: Event): void => {
        (handlers.current[`on${type}`] as ((event: Event) => void) | undefined)?.(event);
      };
      element.addEventListener(type, listener);
      return () => {
        element.removeEventListener(type, listener);
      };
    });
    // Defines <freedomid-login> (a server-rendered one upgrades now); its own chunk in an app's bundle.
    void import('../element.js');
    return () => {
      for (const remove of listeners) remove();
    };
  }, []);
  const attributes: Record<string, unknown> = { ref: attach };
  for (const [name, value] of Object.entries(props)) {
    if (!name.startsWith('onfreedomid-')) attributes[name] = value;
  }
  return createElement('freedomid-login', attributes);
}
