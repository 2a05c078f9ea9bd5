import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startWorker, worker } from '../mocks/browser.js';
import { waitUntil } from '../helpers/wait.js';
import { PREPARED_MAX_AGE_MS } from '../../src/sdk/prepared-params.js';
import {
  AUTHORITY,
  callbackUrl,
  clearEntries,
  countFetches,
  makeClient,
  rejection,
} from '../helpers/sdk.js';

const PARAMS = '/api/freedomid/params';

/** The n-th set the backend hands out (n from 1). */
const values = (n: number) => ({
  state: `state-made-by-the-backend-000${n}`,
  nonce: `nonce-made-by-the-backend-000${n}`,
});

/** A /params that answers set 1, 2, … in turn, except for the calls listed in `failing` (HTTP 500). */
function serveParams(failing: number[] = []): { count: () => number } {
  let count = 0;
  worker.use(
    http.get(PARAMS, () => {
      count += 1;
      return failing.includes(count)
        ? new HttpResponse('oops', { status: 500 })
        : HttpResponse.json(values(count));
    }),
  );
  return { count: () => count };
}

function preconnectLinks(): string[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map(
    (link) => link.href,
  );
}

const stateOf = (url: URL | undefined) => url?.searchParams.get('state');

describe('FreedomIdClient.prepare', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
    clearEntries();
    for (const link of document.head.querySelectorAll('link[rel="preconnect"]')) link.remove();
  });

  it('asks /params once ahead of the click, and the click uses that set without a request', async () => {
    const params = serveParams();
    const { client, navigations } = makeClient({ paramsUrl: PARAMS });
    client.prepare();
    client.prepare(); // a fresh set is held: no second request
    await waitUntil(() => params.count() === 1, 'no prepared request');
    await client.signIn();
    expect([params.count(), stateOf(navigations[0])]).to.deep.equal([1, values(1).state]);
  });

  it('uses a prepared set at most once: the next sign-in asks again', async () => {
    const params = serveParams();
    const { client, navigations } = makeClient({ paramsUrl: PARAMS });
    client.prepare();
    await client.signIn();
    await client.signIn();
    expect([params.count(), navigations.map(stateOf)]).to.deep.equal([
      2,
      [values(1).state, values(2).state],
    ]);
  });

  it(`asks again at the click when the prepared set is ${PREPARED_MAX_AGE_MS} ms old`, async () => {
    const params = serveParams();
    const { client, navigations } = makeClient({ paramsUrl: PARAMS });
    const realNow = Date.now;
    const start = realNow();
    Date.now = () => start;
    try {
      client.prepare();
      await waitUntil(() => params.count() === 1, 'no prepared request');
      Date.now = () => start + PREPARED_MAX_AGE_MS;
      await client.signIn();
    } finally {
      Date.now = realNow;
    }
    expect([params.count(), stateOf(navigations[0])]).to.deep.equal([2, values(2).state]);
  });

  it('falls back to asking at the click when the prepared request failed', async () => {
    const params = serveParams([1]);
    const { client, navigations } = makeClient({ paramsUrl: PARAMS });
    client.prepare();
    await waitUntil(() => params.count() === 1, 'no prepared request');
    await client.signIn();
    expect([params.count(), stateOf(navigations[0])]).to.deep.equal([2, values(2).state]);
  });

  it('drops the prepared set once a sign-in finished', async () => {
    const params = serveParams();
    const { client, navigations } = makeClient({ paramsUrl: PARAMS });
    client.prepare();
    await waitUntil(() => params.count() === 1, 'no prepared request');
    const unknown = callbackUrl({ code: 'c', state: 'a-state-no-sign-in-started', iss: AUTHORITY });
    expect((await rejection(() => client.handleCallback(unknown))).code).to.equal(
      'state_not_found',
    );
    await client.signIn();
    expect([params.count(), stateOf(navigations[0])]).to.deep.equal([2, values(2).state]);
  });

  it('preconnects once to the provider origin', () => {
    const { client } = makeClient();
    client.prepare();
    client.prepare();
    expect(preconnectLinks()).to.deep.equal([`${AUTHORITY}/`]);
  });

  it('with prepare: false sends nothing before the click and adds no preconnect', async () => {
    const params = serveParams();
    const { client, navigations } = makeClient({ paramsUrl: PARAMS, prepare: false });
    const fetches = countFetches(PARAMS);
    try {
      client.prepare();
      expect([fetches.count(), preconnectLinks()]).to.deep.equal([0, []]);
      await client.signIn();
    } finally {
      fetches.stop();
    }
    expect([fetches.count(), params.count(), stateOf(navigations[0])]).to.deep.equal([
      1,
      1,
      values(1).state,
    ]);
  });
});
