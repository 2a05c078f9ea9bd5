/**
 * JSX typings for `<freedomid-login>` in React 19: add `import type {} from 'freedomid-web/react'`
 * once (e.g. in `vite-env.d.ts`) and register the element with `import 'freedomid-web/element'`.
 * React 19 sets the kebab-case props as attributes and `onfreedomid-*` props as event listeners.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FreedomIdLoginEventMap } from './element/events.js';
import type { FreedomIdLogin } from './element/freedomid-login.js';
import type { CHOICES } from './element/options.js';

type Choice<K extends keyof typeof CHOICES> = (typeof CHOICES)[K][number];

/** The element's attributes as React 19 props, values narrowed to what the element accepts. */
export interface FreedomIdLoginAttributes {
  'client-id': string;
  'redirect-uri'?: string;
  scope?: string;
  authority?: string;
  pkce?: boolean;
  storage?: Choice<'storage'>;
  'backend-url'?: string;
  'params-url'?: string;
  'ux-mode'?: Choice<'ux-mode'>;
  locale?: Choice<'locale'>;
  theme?: Choice<'theme'>;
  size?: Choice<'size'>;
  shape?: Choice<'shape'>;
  text?: Choice<'text'>;
  type?: Choice<'type'>;
  'logo-alignment'?: Choice<'logo-alignment'>;
  width?: number;
  disabled?: boolean;
}

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
