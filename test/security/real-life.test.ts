// The failures users of every OIDC SDK report: back button, refresh, a callback handled twice,
// two tabs, the callback in a new tab, full or blocked storage. Each has a defined outcome here.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FreedomIdError, type FreedomIdClient } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import {
  block,
  clearEntries,
  fill,
  startSignIn,
  makeClient,
  storedEntries,
  rejection,
} from '../helpers/security.js';

const PAGE_URL = location.href;
/** The redirect URI of a client whose callback page is this very test page. */
const THIS_PAGE = `${location.origin}${location.pathname}`;
const BACKEND = '/api/freedomid/callback';

/** Puts a callback into the address bar, as Freedom ID's redirect would. */
function arriveAt(query: string): void {
  history.replaceState(null, '', `${location.pathname}${query}`);
}

/** Counts the POSTs the backend receives and answers each with a session. */
function countBackendPosts(): { posts: unknown[] } {
  const posts: unknown[] = [];
  worker.use(
    http.post(BACKEND, async ({ request }) => {
      posts.push(await request.json());
      return HttpResponse.json({ session: 'ok' });
    }),
  );
  return { posts };
}

/** What a merchant's callback page does: validate, then hand the code to its backend. */
function handleAndSend(client: FreedomIdClient): Promise<unknown> {
  return client.handleCallback().then((result) => client.sendToBackend(result, BACKEND));
}

describe('Real-life paths', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
    clearEntries();
    clearEntries(localStorage);
    history.replaceState(null, '', PAGE_URL);
  });

  describe('when the user goes back to the callback page after signing in', () => {
    it('a stale callback (a new code for the used state) → state_not_found that names the back button', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      await client.handleCallback(`${client.config.redirectUri}?code=first&state=${state}`);

      const error = await rejection(() =>
        client.handleCallback(`${client.config.redirectUri}?code=second&state=${state}`),
      );

      expect(error).to.be.instanceOf(FreedomIdError);
      expect(error.name).to.equal('FreedomIdError');
      expect(error.code).to.equal('state_not_found');
      expect(error.message).to.contain('back button or refresh after sign-in');
    });

    it('the cleaned history entry is no callback, so a page that checks isCallback() does nothing', async () => {
      const { client } = makeClient({ redirectUri: THIS_PAGE });
      const { state } = await startSignIn(client);
      arriveAt(`?code=c&state=${state}`);
      await client.handleCallback();
      // Back to this entry later shows the cleaned address.
      expect(client.isCallback()).to.equal(false);
    });
  });

  describe('when the callback page is refreshed', () => {
    it('the same URL handled again → state_not_found', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const href = `${client.config.redirectUri}?code=c&state=${state}&iss=${encodeURIComponent(client.config.authority)}`;
      await client.handleCallback(href);
      const error = await rejection(() => client.handleCallback(href));
      expect(error.code).to.equal('state_not_found');
    });

    it('the first handling cleaned the address bar, so a refresh carries no callback', async () => {
      const { client } = makeClient({ redirectUri: THIS_PAGE });
      const { state } = await startSignIn(client);
      arriveAt(`?lang=kk&code=c&state=${state}&session_state=x#top`);

      const result = await client.handleCallback();

      expect(result.state).to.equal(state);
      expect(location.search).to.equal('?lang=kk');
      expect(location.hash).to.equal('#top');
      expect(client.isCallback()).to.equal(false);
    });

    it('a failed callback cleans the address bar too', async () => {
      const { client } = makeClient({ redirectUri: THIS_PAGE });
      arriveAt('?code=c&state=forged');
      const error = await rejection(() => client.handleCallback());
      expect(error.code).to.equal('state_not_found');
      expect(location.search).to.equal('');
    });
  });

  describe('when the callback is handled twice on the same page', () => {
    it('two handlers (a framework effect run twice): one session, one state_not_found, ONE backend POST', async () => {
      const { posts } = countBackendPosts();
      const { client } = makeClient({ redirectUri: THIS_PAGE });
      const { state } = await startSignIn(client);
      arriveAt(`?code=c&state=${state}`);

      const outcomes = await Promise.allSettled([handleAndSend(client), handleAndSend(client)]);

      expect(outcomes[0]).to.deep.equal({ status: 'fulfilled', value: { session: 'ok' } });
      expect(outcomes[1].status).to.equal('rejected');
      expect((await rejection(outcomes[1])).code).to.equal('state_not_found');
      expect(posts).to.have.length(1);
    });

    it('two client instances (two components) on the same page: the same, ONE backend POST', async () => {
      const { posts } = countBackendPosts();
      const { client: first } = makeClient({ redirectUri: THIS_PAGE });
      const { client: second } = makeClient({ redirectUri: THIS_PAGE });
      const { state } = await startSignIn(first);
      arriveAt(`?code=c&state=${state}`);

      const outcomes = await Promise.allSettled([handleAndSend(first), handleAndSend(second)]);

      expect(outcomes.map(({ status }) => status)).to.deep.equal(['fulfilled', 'rejected']);
      expect((await rejection(outcomes[1])).code).to.equal('state_not_found');
      expect(posts).to.have.length(1);
    });

    it('two handlers given the same href: one session, one state_not_found, ONE backend POST', async () => {
      const { posts } = countBackendPosts();
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const href = `${client.config.redirectUri}?code=c&state=${state}`;
      const send = () =>
        client.handleCallback(href).then((result) => client.sendToBackend(result, BACKEND));

      const outcomes = await Promise.allSettled([send(), send()]);

      expect(outcomes.map(({ status }) => status)).to.deep.equal(['fulfilled', 'rejected']);
      expect((await rejection(outcomes[1])).code).to.equal('state_not_found');
      expect(posts).to.have.length(1);
    });
  });

  describe('when sign-in is started in two tabs', () => {
    it('keeps both requests, and both complete, in either order', async () => {
      const { client: tabA } = makeClient({ storage: 'local' });
      const { client: tabB } = makeClient({ storage: 'local' });
      const a = await startSignIn(tabA);
      const b = await startSignIn(tabB);
      expect(Object.keys(storedEntries(localStorage)).sort()).to.deep.equal(
        [`freedomid.${a.state}`, `freedomid.${b.state}`].sort(),
      );

      const resultB = await tabB.handleCallback(
        `${tabB.config.redirectUri}?code=b&state=${b.state}`,
      );
      const resultA = await tabA.handleCallback(
        `${tabA.config.redirectUri}?code=a&state=${a.state}`,
      );

      expect([resultA.code, resultA.nonce]).to.deep.equal(['a', a.nonce]);
      expect([resultB.code, resultB.nonce]).to.deep.equal(['b', b.nonce]);
      expect(storedEntries(localStorage)).to.deep.equal({});
    });

    it('with the default session storage, each tab completes its own', async () => {
      const { client } = makeClient();
      const a = await startSignIn(client);
      const b = await startSignIn(client);
      const resultA = await client.handleCallback(
        `${client.config.redirectUri}?code=a&state=${a.state}`,
      );
      const resultB = await client.handleCallback(
        `${client.config.redirectUri}?code=b&state=${b.state}`,
      );
      expect([resultA.nonce, resultB.nonce]).to.deep.equal([a.nonce, b.nonce]);
    });
  });

  describe('when the callback opens in a new tab', () => {
    it('with storage: "local" the new tab (a second client) completes the sign-in', async () => {
      const { client: opener } = makeClient({ storage: 'local' });
      const { state, nonce } = await startSignIn(opener, { returnTo: '/checkout' });
      const { client: newTab } = makeClient({ storage: 'local' });

      const result = await newTab.handleCallback(
        `${newTab.config.redirectUri}?code=c&state=${state}`,
      );

      expect([result.state, result.nonce, result.returnTo]).to.deep.equal([
        state,
        nonce,
        '/checkout',
      ]);
      expect(storedEntries(localStorage)).to.deep.equal({});
    });

    it('with the default storage: "session" → state_not_found whose message names the other tab', async () => {
      const { client: opener } = makeClient();
      const { state } = await startSignIn(opener);
      // A new tab starts with an empty sessionStorage: the request stays behind in the first tab's.
      const entry = sessionStorage.getItem(`freedomid.${state}`) ?? '';
      sessionStorage.removeItem(`freedomid.${state}`);
      const { client: newTab } = makeClient();

      const error = await rejection(() =>
        newTab.handleCallback(`${newTab.config.redirectUri}?code=c&state=${state}`),
      );

      expect(error.code).to.equal('state_not_found');
      expect(error.message).to.contain('the callback opened in another tab (use storage: "local")');
      // Back in the first tab, the same callback still completes.
      sessionStorage.setItem(`freedomid.${state}`, entry);
      expect(
        (await opener.handleCallback(`${opener.config.redirectUri}?code=c&state=${state}`)).state,
      ).to.equal(state);
    });
  });

  describe('when Web Storage is full', () => {
    let filled: string[] = [];
    afterEach(() => {
      for (const key of filled) sessionStorage.removeItem(key);
      filled = [];
    });

    it('signIn → storage_unavailable with the QuotaExceededError as cause, and nothing navigates', async () => {
      const { keys, refusal } = fill(sessionStorage);
      filled = keys;
      const { client, navigations } = makeClient();

      const error = await rejection(() => client.signIn());

      expect(error.code).to.equal('storage_unavailable');
      expect(error.message).to.contain('sessionStorage is full, blocked or disabled');
      expect((error.cause as DOMException).name).to.equal((refusal as DOMException).name);
      expect((error.cause as DOMException).name).to.equal('QuotaExceededError');
      expect(navigations).to.deep.equal([]);
    });
  });

  describe('when Web Storage throws on access (blocked site data, sandboxed frame)', () => {
    for (const storage of ['session', 'local'] as const) {
      it(`signIn with storage: "${storage}" → storage_unavailable, and nothing navigates`, async () => {
        const restore = block(`${storage}Storage`);
        try {
          const { client, navigations } = makeClient({ storage });
          const error = await rejection(() => client.signIn());
          expect(error.code).to.equal('storage_unavailable');
          expect((error.cause as DOMException).name).to.equal('SecurityError');
          expect(navigations).to.deep.equal([]);
        } finally {
          restore();
        }
      });

      it(`handleCallback with storage: "${storage}" → storage_unavailable`, async () => {
        const restore = block(`${storage}Storage`);
        try {
          const { client } = makeClient({ storage });
          const error = await rejection(() =>
            client.handleCallback(`${client.config.redirectUri}?code=c&state=s`),
          );
          expect(error.code).to.equal('storage_unavailable');
        } finally {
          restore();
        }
      });
    }
  });
});
