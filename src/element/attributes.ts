import type { ComplexAttributeConverter, PropertyDeclarations } from 'lit';
import type { Navigate } from '../index.js';
import { LOCALES, TEXTS, type FreedomIdLoginStrings } from './strings.js';

/** Reads an absent attribute as `undefined` (Lit's default converter gives `null`). */
const optional: ComplexAttributeConverter<string | undefined> = {
  fromAttribute: (value) => value ?? undefined,
};

/** Reads a number attribute; absent is `undefined`, and text that is no number is `NaN`. */
const pixels: ComplexAttributeConverter<number | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : Number(value)),
};

/** A text attribute its property reflects. */
function text<A extends string>(attribute: A) {
  return { attribute, type: String, reflect: true, converter: optional } as const;
}

/** A boolean attribute (present or absent); the property is `false` until set. */
function flag<A extends string>(attribute: A) {
  return { attribute, type: Boolean, reflect: true, useDefault: true } as const;
}

/**
 * A text attribute that accepts only `choices` (the first is the default); the element checks it,
 * and the React typings narrow it. Lit ignores the extra `choices` option.
 */
function choice<A extends string, const C extends readonly string[]>(attribute: A, choices: C) {
  return { ...text(attribute), choices } as const;
}

/** Marks the value type of a property without an attribute; the table's types derive from it. */
declare const valueType: unique symbol;

/** A property set from script only (no attribute), whose value is a `T`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the point: it types the property.
function scriptOnly<T>() {
  return { attribute: false } as { readonly attribute: false; readonly [valueType]?: T };
}

/** The properties that configure the sign-in: a change rebuilds the client and checks them again. */
export const SIGN_IN = {
  clientId: { ...text('client-id'), useDefault: true },
  redirectUri: text('redirect-uri'),
  scope: text('scope'),
  authority: text('authority'),
  authorizationEndpoint: text('authorization-endpoint'),
  pkce: flag('pkce'),
  storage: choice('storage', ['session', 'local']),
  backendUrl: text('backend-url'),
  paramsUrl: text('params-url'),
  sessionUrl: text('session-url'),
  uxMode: choice('ux-mode', ['redirect', 'popup']),
  prepare: choice('prepare', ['intent', 'off']),
  navigate: scriptOnly<Navigate>(),
} as const satisfies PropertyDeclarations;

/** The properties that only change how the button looks: a change re-renders, never rebuilds the client. */
export const LOOK = {
  locale: choice('locale', LOCALES),
  theme: choice('theme', ['filled', 'outline', 'dark']),
  size: choice('size', ['medium', 'small', 'large']),
  shape: choice('shape', ['rectangular', 'pill', 'circle', 'square']),
  text: choice('text', TEXTS),
  type: choice('type', ['standard', 'icon']),
  logoAlignment: choice('logo-alignment', ['left', 'center']),
  width: { attribute: 'width', type: Number, reflect: true, converter: pixels },
  strings: scriptOnly<Partial<FreedomIdLoginStrings>>(),
  hideInAppHint: flag('hide-in-app-hint'),
} as const satisfies PropertyDeclarations;

/**
 * The element's public properties, `static properties` of `<freedomid-login>`: the one table its
 * observed attributes, option checks, React typings and manifest check derive from.
 */
export const PROPERTIES = {
  ...SIGN_IN,
  ...LOOK,
  disabled: flag('disabled'),
} as const satisfies PropertyDeclarations;

/** A property of the table. */
export type PropertyName = keyof typeof PROPERTIES;

/** The value a declaration holds: a flag is a boolean, a choice one of its choices, unset `undefined`. */
type ValueOf<D> = D extends { readonly [valueType]?: infer T }
  ? T | undefined
  : D extends { type: BooleanConstructor }
    ? boolean
    : D extends { choices: readonly (infer C)[] }
      ? C | undefined
      : D extends { type: NumberConstructor }
        ? number | undefined
        : D extends { useDefault: true }
          ? string
          : string | undefined;

/** The type of the element's property `K`, derived from its declaration (`theme` is `'filled' | 'outline' | 'dark' | undefined`). */
export type PropertyValue<K extends PropertyName> = ValueOf<(typeof PROPERTIES)[K]>;

/** The values of the properties of `table`, typed from it. */
export type ValuesOf<T extends Partial<typeof PROPERTIES>> = {
  [K in keyof T & PropertyName]: PropertyValue<K>;
};

/** The element's properties that configure the sign-in. */
export type SignInOptions = ValuesOf<typeof SIGN_IN>;

/** The element's properties that only change how it looks. */
export type LookOptions = ValuesOf<typeof LOOK>;

/** The attribute a property reflects, or undefined for a property without one (`navigate`, `strings`). */
export function attributeOf(property: string): string | undefined {
  const declaration = (PROPERTIES as PropertyDeclarations)[property] as
    { attribute?: unknown } | undefined;
  return typeof declaration?.attribute === 'string' ? declaration.attribute : undefined;
}

/** Every attribute the element observes. */
export const ATTRIBUTES: readonly string[] = Object.keys(PROPERTIES).flatMap(
  (property) => attributeOf(property) ?? [],
);
