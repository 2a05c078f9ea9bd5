import { expect } from '@open-wc/testing';
import { SIGN_IN_CANCELLED } from '../../src/index.js';
import {
  REDIRECT_URI,
  callbackUrl,
  clearEntries,
  makeClient,
  rejection,
  startSignIn,
  storedEntries,
} from '../helpers/sdk.js';

/** This page as the redirect URI, so the client reads and cleans the address bar. */
const PAGE = `${location.origin}${location.pathname}`;

describe('FreedomIdClient.completeSignIn', () => {
  const pageUrl = location.href;
  afterEach(() => {
    clearEntries();
    history.replaceState(null, '', pageUrl);
  });

  describe('when the page is no callback', () => {
    it('resolves null and leaves the address bar and the stored requests alone', async () => {
      const { client } = makeClient({ redirectUri: PAGE });
      await startSignIn(client);
      history.replaceState(null, '', `${location.pathname}?lang=kk#top`);
      expect(await client.completeSignIn()).to.equal(null);
      expect(location.search + location.hash).to.equal('?lang=kk#top');
      expect(Object.keys(storedEntries())).to.have.length(1);
    });

    it('resolves null for a callback to another redirect URI', async () => {
      const { client } = makeClient();
      expect(
        await client.completeSignIn(callbackUrl({ code: 'c', state: 's' }, `${location.origin}/x`)),
      ).to.equal(null);
    });
  });

  describe('when the page is a callback of this browser', () => {
    it('validates it, returns the exact result and cleans the address bar', async () => {
      const { client } = makeClient({ redirectUri: PAGE });
      const { state, nonce } = await startSignIn(client, { returnTo: '/checkout' });
      history.replaceState(null, '', `${location.pathname}?lang=kk&code=abc&state=${state}#top`);
      const result = await client.completeSignIn();
      expect(result).to.deep.equal({
        code: 'abc',
        state,
        nonce,
        redirectUri: PAGE,
        returnTo: '/checkout',
      });
      expect(location.search + location.hash).to.equal('?lang=kk#top');
      expect(storedEntries()).to.deep.equal({});
    });

    it('a second call for the same callback → state_not_found, from the page or by its href', async () => {
      const { client } = makeClient({ redirectUri: PAGE });
      const { state } = await startSignIn(client);
      const href = `${PAGE}?code=abc&state=${state}`;
      history.replaceState(null, '', href);
      expect((await client.completeSignIn())?.state).to.equal(state);
      const fromPage = await rejection(() => client.completeSignIn());
      const byHref = await rejection(() => client.completeSignIn(href));
      expect([fromPage.code, byHref.code]).to.deep.equal(['state_not_found', 'state_not_found']);
      expect(fromPage.message).to.contain('already handled this callback');
    });

    it('two calls in the same tick (two elements, two clients): exactly one gets the result', async () => {
      const { client: first } = makeClient({ redirectUri: PAGE });
      const { client: second } = makeClient({ redirectUri: PAGE });
      const { state } = await startSignIn(first);
      history.replaceState(null, '', `${location.pathname}?code=abc&state=${state}`);
      const outcomes = await Promise.allSettled([first.completeSignIn(), second.completeSignIn()]);
      expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['fulfilled', 'rejected']);
      expect((await rejection(outcomes[1])).code).to.equal('state_not_found');
    });

    it('a refused callback is cleaned from the address bar too, and handleCallback then reads it as used', async () => {
      const { client } = makeClient({ redirectUri: PAGE });
      history.replaceState(null, '', `${location.pathname}?code=abc&state=forged-state-0000000000`);
      const error = await rejection(() => client.completeSignIn());
      expect(error.code).to.equal('state_not_found');
      expect(location.search).to.equal('');
      expect((await rejection(() => client.handleCallback())).code).to.equal('state_not_found');
    });
  });

  describe('when two clients of different client ids share the redirect page', () => {
    const OTHER_ID = '5d1f7a2e-0b7c-4e8e-9f52-1c3b2a9d4e61';

    it('the other client, asked first, resolves null and leaves the address bar to the owner', async () => {
      const { client: owner } = makeClient({ redirectUri: PAGE });
      const { client: other } = makeClient({ redirectUri: PAGE, clientId: OTHER_ID });
      const { state, nonce } = await startSignIn(owner);
      history.replaceState(null, '', `${location.pathname}?code=abc&state=${state}`);
      expect(await other.completeSignIn()).to.equal(null);
      expect(location.search).to.equal(`?code=abc&state=${state}`);
      expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
      expect(await owner.completeSignIn()).to.deep.equal({
        code: 'abc',
        state,
        nonce,
        redirectUri: PAGE,
      });
      expect([location.search, await other.completeSignIn()]).to.deep.equal(['', null]);
    });

    it('the other client, asked after the owner, resolves null instead of state_not_found', async () => {
      const { client: owner } = makeClient({ redirectUri: PAGE });
      const { client: other } = makeClient({ redirectUri: PAGE, clientId: OTHER_ID });
      const { state } = await startSignIn(owner);
      const href = `${PAGE}?code=abc&state=${state}`;
      history.replaceState(null, '', href);
      expect((await owner.completeSignIn())?.state).to.equal(state);
      expect([await other.completeSignIn(), await other.completeSignIn(href)]).to.deep.equal([
        null,
        null,
      ]);
      expect((await rejection(() => owner.completeSignIn())).code).to.equal('state_not_found');
    });

    it('a state no client stored is still reported, once, by the first client asked', async () => {
      const { client: first } = makeClient({ redirectUri: PAGE });
      const { client: second } = makeClient({ redirectUri: PAGE, clientId: OTHER_ID });
      history.replaceState(
        null,
        '',
        `${location.pathname}?code=abc&state=forged-state-of-nobody-00000`,
      );
      expect((await rejection(() => first.completeSignIn())).code).to.equal('state_not_found');
      expect([location.search, await second.completeSignIn()]).to.deep.equal(['', null]);
    });
  });

  describe('when a callback is given by href', () => {
    it('validates it without touching the address bar', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      history.replaceState(null, '', `${location.pathname}?keep=1`);
      const result = await client.completeSignIn(callbackUrl({ code: 'c', state }));
      expect(result?.redirectUri).to.equal(REDIRECT_URI);
      expect(location.search).to.equal('?keep=1');
    });
  });
});

describe('FreedomIdClient.signIn with beforeNavigate', () => {
  afterEach(() => {
    clearEntries();
  });

  it('is called with the URL that is then navigated to', async () => {
    const { client, navigations } = makeClient();
    const seen: URL[] = [];
    await client.signIn({
      beforeNavigate: (url) => {
        seen.push(url);
        return true;
      },
    });
    expect(navigations).to.deep.equal(seen);
    expect(Object.keys(storedEntries())).to.deep.equal([
      `freedomid.${seen[0].searchParams.get('state') ?? ''}`,
    ]);
  });

  it('returning false navigates nowhere, discards the request and resolves "cancelled"', async () => {
    const { client, navigations } = makeClient();
    let called = 0;
    const outcome = await client.signIn({
      beforeNavigate: () => {
        called++;
        return false;
      },
    });
    expect([outcome, called, navigations.length]).to.deep.equal([SIGN_IN_CANCELLED, 1, 0]);
    expect(SIGN_IN_CANCELLED).to.equal('cancelled');
    expect(storedEntries()).to.deep.equal({});
  });

  it('with keepRequest, a cancel keeps the request, and the URL it was given still completes', async () => {
    const { client, navigations } = makeClient();
    const seen: URL[] = [];
    const outcome = await client.signIn({
      keepRequest: true,
      beforeNavigate: (url) => {
        seen.push(url);
        return false;
      },
    });
    expect([outcome, navigations.length]).to.deep.equal(['cancelled', 0]);
    const state = seen[0].searchParams.get('state') ?? '';
    expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
    const result = await client.handleCallback(callbackUrl({ code: 'c', state }));
    expect([result.code, result.state]).to.deep.equal(['c', state]);
  });

  it('resolves undefined once it navigated', async () => {
    const { client, navigations } = makeClient();
    expect(await client.signIn({ beforeNavigate: () => true })).to.equal(undefined);
    expect(navigations).to.have.length(1);
  });
});
