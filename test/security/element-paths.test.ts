// The element on the real-life paths: back/forward cache after a click, full or blocked storage.
// Written against the element's documented contract only (attributes, `navigate`, events, parts).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/element.js';
import type { FreedomIdErrorDetail } from '../../src/element.js';
import { block, clearEntries, fill } from '../helpers/security.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';

interface Mounted {
  el: HTMLElement;
  button: () => HTMLButtonElement;
  navigations: URL[];
  errors: FreedomIdErrorDetail[];
}

/** Mounts a button whose navigations are recorded, and records its `freedomid-error` events. */
async function mount(): Promise<Mounted> {
  const el = document.createElement('freedomid-login');
  const navigations: URL[] = [];
  const errors: FreedomIdErrorDetail[] = [];
  el.navigate = (url) => {
    navigations.push(url);
  };
  el.setAttribute('client-id', CLIENT_ID);
  el.setAttribute('redirect-uri', 'https://shop.example/login');
  el.addEventListener('freedomid-error', (event) => {
    errors.push(event.detail);
  });
  document.body.append(el);
  const button = () => {
    const found = el.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="button"]');
    if (!found) throw new Error('<freedomid-login> rendered no button part');
    return found;
  };
  await waitUntil(() => el.shadowRoot?.querySelector('button'), 'no button rendered');
  await waitUntil(() => !button().disabled, 'the button never became ready');
  return { el, button, navigations, errors };
}

/** Whether the button shows the busy state: aria-busy and disabled. */
function busy(button: HTMLButtonElement): [string | null, boolean] {
  return [button.getAttribute('aria-busy'), button.disabled];
}

describe('<freedomid-login>', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('freedomid-login')) el.remove();
    clearEntries();
  });

  describe('when the page comes back from the back/forward cache after a click', () => {
    it('is ready again: no aria-busy, the button enabled', async () => {
      const { button, navigations } = await mount();
      button().click();
      await waitUntil(() => navigations.length === 1, 'no navigation');
      expect(busy(button())).to.deep.equal(['true', true]);

      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));

      await waitUntil(() => !button().disabled, 'still disabled after pageshow');
      expect(busy(button())).to.deep.equal([null, false]);
      // And a second sign-in can start.
      button().click();
      await waitUntil(() => navigations.length === 2, 'no second navigation');
      expect(navigations[1].searchParams.get('state')).to.not.equal(
        navigations[0].searchParams.get('state'),
      );
    });

    it('stays busy on a pageshow that is not from the cache (the page is still leaving)', async () => {
      const { button, navigations } = await mount();
      button().click();
      await waitUntil(() => navigations.length === 1, 'no navigation');

      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(busy(button())).to.deep.equal(['true', true]);
    });
  });

  describe('when sessionStorage is full', () => {
    let filled: string[] = [];
    afterEach(() => {
      for (const key of filled) sessionStorage.removeItem(key);
      filled = [];
    });

    it('a click → freedomid-error storage_unavailable, no navigation, the button ready again', async () => {
      const { button, navigations, errors } = await mount();
      filled = fill(sessionStorage).keys;

      button().click();
      await waitUntil(() => errors.length === 1, 'no freedomid-error');
      await waitUntil(() => !button().disabled, 'the button stayed disabled');

      expect(errors[0].code).to.equal('storage_unavailable');
      expect(navigations).to.deep.equal([]);
      expect(busy(button())).to.deep.equal([null, false]);
    });
  });

  describe('when sessionStorage throws on access', () => {
    it('a click → freedomid-error storage_unavailable, no navigation, the button ready again', async () => {
      const { button, navigations, errors } = await mount();
      const restore = block('sessionStorage');
      try {
        button().click();
        await waitUntil(() => errors.length === 1, 'no freedomid-error');
        await waitUntil(() => !button().disabled, 'the button stayed disabled');
      } finally {
        restore();
      }
      expect(errors[0].code).to.equal('storage_unavailable');
      expect(navigations).to.deep.equal([]);
    });
  });
});
