import { waitUntil } from './wait.js';
import 'axe-core';
import '../../src/element.js';
import type { FreedomIdLogin } from '../../src/element.js';
import { simulateSignIn } from '../../src/testing/simulator.js';

export { CLIENT_ID, AUTHORITY, clearEntries, rejection, storedEntries, thrown } from './sdk.js';

/** The page the tests run on, restored after tests that turn it into a callback page. */
export const PAGE_URL = location.href;

/** A mounted element whose navigations go to the testing kit's simulated Freedom ID. */
export interface Mounted {
  el: FreedomIdLogin;
  button: HTMLButtonElement;
  navigations: readonly URL[];
}

/** Creates `<freedomid-login>` with `attributes`, lets `setup` add listeners, then mounts it in `parent`. */
export async function mount(
  attributes: Record<string, string | true>,
  setup: (el: FreedomIdLogin) => void = () => undefined,
  parent: HTMLElement = document.body,
): Promise<Mounted> {
  const el = document.createElement('freedomid-login');
  const flow = simulateSignIn();
  el.navigate = flow.navigate;
  const navigations = flow.captured;
  for (const [name, value] of Object.entries(attributes)) {
    el.setAttribute(name, value === true ? '' : value);
  }
  setup(el);
  parent.append(el);
  await el.updateComplete;
  return { el, button: buttonOf(el), navigations };
}

/** The native button inside an element. */
export function buttonOf(el: FreedomIdLogin): HTMLButtonElement {
  const button = el.shadowRoot?.querySelector('button');
  if (!button) throw new Error('<freedomid-login> rendered no button');
  return button;
}

/** Clicks the button and waits for the captured navigation. */
export async function signIn({ button, navigations }: Mounted): Promise<URL> {
  const before = navigations.length;
  button.click();
  await waitUntil(() => navigations.length > before, 'no navigation');
  return navigations[navigations.length - 1];
}

/** The authorization URL's parameters as [name, value] pairs, with state and nonce masked. */
export function params(url: URL): [string, string][] {
  return [...url.searchParams].map(([name, value]) => [
    name,
    name === 'state' || name === 'nonce' || name === 'code_challenge' ? '*' : value,
  ]);
}

/** Collects the events of `type` that reach `document`. */
export function record<K extends keyof GlobalEventHandlersEventMap>(
  type: K,
): { events: GlobalEventHandlersEventMap[K][]; stop: () => void } {
  const events: GlobalEventHandlersEventMap[K][] = [];
  const listener = (event: GlobalEventHandlersEventMap[K]) => {
    events.push(event);
  };
  document.addEventListener(type, listener);
  return {
    events,
    stop: () => {
      document.removeEventListener(type, listener);
    },
  };
}

interface AxeLike {
  setup(node: Document): unknown;
  teardown(): void;
  commons: { text: { accessibleText(element: Element): string } };
}

/** The accessible names of every element button on the page, computed by axe-core (shadow DOM included). */
export function buttonNames(): string[] {
  const axe = (window as unknown as { axe: AxeLike }).axe;
  axe.setup(document);
  try {
    return [...document.querySelectorAll('freedomid-login')].map((el) =>
      axe.commons.text.accessibleText(buttonOf(el)).trim(),
    );
  } finally {
    axe.teardown();
  }
}

/** Removes every element the tests mounted. */
export function unmountAll(): void {
  for (const el of document.querySelectorAll('freedomid-login, [data-test-host]')) el.remove();
}
