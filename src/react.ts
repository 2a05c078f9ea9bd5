/**
 * React 19: `<FreedomIdLoginButton>`, which also works after server rendering and hydration, and
 * the JSX typings for `<freedomid-login>` (add `import type {} from 'freedomid-web/react'` once and
 * register the element with `import 'freedomid-web/element'`). React 19 sets the kebab-case props
 * as attributes and `onfreedomid-*` props as event listeners, but not when it hydrates.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PROPERTIES, PropertyName } from './element/attributes.js';
import type { FreedomIdLoginEventMap } from './element/events.js';
import type { FreedomIdLogin } from './element/freedomid-login.js';

export { FreedomIdLoginButton } from './react/freedomid-login-button.js';
export type { FreedomIdLoginButtonProps } from './react/freedomid-login-button.js';

type Declaration<K extends PropertyName> = (typeof PROPERTIES)[K];

/** The value a property's attribute takes in JSX: one of its choices, a boolean, a number or text. */
type AttributeValue<K extends PropertyName> =
  Declaration<K> extends { choices: readonly (infer C)[] }
    ? C
    : Declaration<K> extends { type: BooleanConstructor }
      ? boolean
      : Declaration<K> extends { type: NumberConstructor }
        ? number
        : string;

/** The element's attributes as React 19 props, derived from its property table; `client-id` is required. */
export type FreedomIdLoginAttributes = {
  [
    K in PropertyName as Declaration<K> extends { attribute: infer A extends string } ? A : never
  ]?: AttributeValue<K>;
} & { 'client-id': string };

/** `onfreedomid-redirect` and the other event props, each with its typed `detail`. */
export type FreedomIdLoginEventProps = {
  [K in keyof FreedomIdLoginEventMap as `on${K}`]?: (event: FreedomIdLoginEventMap[K]) => void;
};

/** Everything `<freedomid-login>` takes in JSX. */
export type FreedomIdLoginJsxProps = DetailedHTMLProps<
  HTMLAttributes<FreedomIdLogin>,
  FreedomIdLogin
> &
  FreedomIdLoginAttributes &
  FreedomIdLoginEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React 19 declares JSX as a namespace.
  namespace JSX {
    interface IntrinsicElements {
      'freedomid-login': FreedomIdLoginJsxProps;
    }
  }
}
