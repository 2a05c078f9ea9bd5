import { createLogo, createSpinner } from './logo.js';
import { adoptStyles } from './styles.js';

/** The nodes of the element's shadow DOM that change after it is built. */
export interface Rendered {
  button: HTMLButtonElement;
  /** The `logo` part: holds `slot` (with the mark as fallback) or, while busy, `spinner`. */
  logo: HTMLElement;
  slot: HTMLSlotElement;
  spinner: Element;
  label: HTMLElement;
}

/** Creates an HTML element with `attributes` and `children`. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Attaches `host`'s open shadow root (focus delegated to the button) and builds its DOM once:
 * `<button part="button"><span part="logo"><slot name="logo">mark</slot></span><span part="label">`.
 * No markup is parsed: every node is created, so no Trusted Types policy is needed.
 */
export function renderShadow(host: HTMLElement): Rendered {
  const root = host.attachShadow({ mode: 'open', delegatesFocus: true });
  adoptStyles(root);
  const slot = h('slot', { name: 'logo' }, createLogo());
  const logo = h('span', { part: 'logo' }, slot);
  const label = h('span', { part: 'label' });
  const button = h('button', { part: 'button', type: 'button' }, logo, label);
  root.append(button);
  return { button, logo, slot, spinner: createSpinner(), label };
}

/** Shows whether the button can be used, and while busy `aria-busy` and the spinner in place of the logo. */
export function renderState(
  { button, logo, slot, spinner }: Rendered,
  busy: boolean,
  disabled: boolean,
): void {
  button.disabled = busy || disabled;
  if (busy) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
  logo.replaceChildren(busy ? spinner : slot);
}
