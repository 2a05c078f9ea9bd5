import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startWorker, worker } from '../mocks/browser.js';
import { waitUntil } from '../helpers/wait.js';
import { countFetches } from '../helpers/sdk.js';
import {
  AUTHORITY,
  CLIENT_ID,
  clearEntries,
  mount,
  signIn,
  unmountAll,
} from '../helpers/element.js';

const PARAMS = '/api/freedomid/params';

const values = (n: number) => ({
  state: `state-made-by-the-backend-000${n}`,
  nonce: `nonce-made-by-the-backend-000${n}`,
});

function preconnectLinks(): string[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map(
    (link) => link.href,
  );
}

describe('<freedomid-login> prepares the sign-in', () => {
  let count = 0;
  before(() => startWorker());
  beforeEach(() => {
    count = 0;
    worker.use(
      http.get(PARAMS, () => {
        count += 1;
        return HttpResponse.json(values(count));
      }),
    );
  });
  afterEach(() => {
    worker.resetHandlers();
    unmountAll();
    clearEntries();
    for (const link of document.head.querySelectorAll('link[rel="preconnect"]')) link.remove();
  });

  for (const intent of ['pointerenter', 'focusin', 'touchstart']) {
    it(`on ${intent}, preconnects and GETs params-url once; the click then sends no request`, async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID, 'params-url': PARAMS });
      mounted.el.dispatchEvent(new Event(intent, { bubbles: true }));
      mounted.el.dispatchEvent(new Event(intent, { bubbles: true }));
      await waitUntil(() => count === 1, 'no prepared request');
      expect(preconnectLinks()).to.deep.equal([`${AUTHORITY}/`]);
      const url = await signIn(mounted);
      expect([count, url.searchParams.get('state')]).to.deep.equal([1, values(1).state]);
    });
  }

  it('with prepare="off", sends nothing before the click and adds no preconnect', async () => {
    const mounted = await mount({ 'client-id': CLIENT_ID, 'params-url': PARAMS, prepare: 'off' });
    const fetches = countFetches(PARAMS);
    try {
      for (const intent of ['pointerenter', 'focusin', 'touchstart']) {
        mounted.el.dispatchEvent(new Event(intent, { bubbles: true }));
      }
      expect([fetches.count(), preconnectLinks()]).to.deep.equal([0, []]);
      const url = await signIn(mounted);
      expect([fetches.count(), count, url.searchParams.get('state')]).to.deep.equal([
        1,
        1,
        values(1).state,
      ]);
    } finally {
      fetches.stop();
    }
  });
});
