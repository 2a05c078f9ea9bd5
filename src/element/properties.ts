/** The attributes the element observes; each is also a camelCase property that reflects it. */
export const ATTRIBUTES = [
  'client-id',
  'redirect-uri',
  'scope',
  'authority',
  'pkce',
  'storage',
  'backend-url',
  'params-url',
  'ux-mode',
  'locale',
  'theme',
  'size',
  'shape',
  'text',
  'type',
  'logo-alignment',
  'width',
  'disabled',
] as const;

/** The property that reflects `attribute`: `logo-alignment` → `logoAlignment`. */
export function propertyName(attribute: string): string {
  return attribute.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Defines each attribute's property on `prototype` as an accessor over the attribute, like a native
 * element's: `pkce` and `disabled` are booleans, `width` a number, `client-id` `''` when absent and
 * the others undefined; writing null, undefined or false removes the attribute.
 */
export function defineReflectedProperties(prototype: HTMLElement): void {
  for (const attribute of ATTRIBUTES) {
    const flag = attribute === 'pkce' || attribute === 'disabled';
    Object.defineProperty(prototype, propertyName(attribute), {
      configurable: true,
      enumerable: true,
      get(this: HTMLElement): unknown {
        const value = this.getAttribute(attribute);
        if (flag) return value !== null;
        if (value === null) return attribute === 'client-id' ? '' : undefined;
        return attribute === 'width' ? Number(value) : value;
      },
      set(this: HTMLElement, value: string | number | boolean | null | undefined): void {
        if (value === null || value === undefined || value === false) {
          this.removeAttribute(attribute);
        } else {
          this.setAttribute(attribute, flag ? '' : String(value));
        }
      },
    });
  }
}
