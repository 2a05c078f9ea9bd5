import { expect } from '@open-wc/testing';
import '../../src/element.js';
import type { FreedomIdLogin } from '../../src/element.js';
import { FreedomIdClient, FreedomIdError } from '../../src/index.js';
import {
  claimsForScope,
  readCode,
  simulateSignIn,
  TEST_USERS,
  type SignInFlow,
} from '../../src/testing/index.js';
import { CLIENT_ID, REDIRECT_URI, clearEntries, rejection, s256 } from '../helpers/sdk.js';

const SCOPE = 'openid read.profile read.email';

/** A client whose sign-ins go to `flow` instead of Freedom ID. */
function clientFor(flow: SignInFlow, overrides: { pkce?: boolean; authority?: string } = {}) {
  return new FreedomIdClient({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scope: SCOPE,
    navigate: flow.navigate,
    ...overrides,
  });
}

describe('simulateSignIn', () => {
  const pageUrl = location.href;
  afterEach(() => {
    clearEntries();
    history.replaceState(null, '', pageUrl);
  });

  describe('when the SDK signs in through flow.navigate', () => {
    it('captures the authorization URL without leaving the page', async () => {
      const flow = simulateSignIn();
      const client = clientFor(flow);

      await client.signIn();

      expect(location.href).to.equal(pageUrl);
      expect(flow.captured).to.have.length(1);
      expect((await flow.redirected()).href).to.equal(flow.authorizationUrl.href);
      expect(flow.request).to.include({
        issuer: 'https://passport.freedompay.kz',
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        scope: SCOPE,
        responseType: 'code',
      });
    });

    it('success: a callback the SDK accepts, with a code that carries the nonce, client, scope and claims', async () => {
      const flow = simulateSignIn();
      const client = clientFor(flow);
      await client.signIn();

      const href = flow.callbackUrl({ outcome: 'success', user: 'daniyar' });
      const result = await client.handleCallback(href);

      expect([...new URL(href).searchParams.keys()]).to.deep.equal(['code', 'state']);
      expect(result.state).to.equal(flow.request.state);
      expect(readCode(result.code)).to.deep.include({
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        nonce: result.nonce,
        scope: SCOPE,
        claims: claimsForScope(TEST_USERS[1], SCOPE),
      });
    });

    it('success defaults to the first test user, aigerim', async () => {
      const flow = simulateSignIn();
      await clientFor(flow).signIn();

      const code = new URL(flow.callbackUrl()).searchParams.get('code') ?? '';

      expect(readCode(code)?.claims.sub).to.equal(TEST_USERS[0].claims.sub);
      expect(TEST_USERS[0].login).to.equal('aigerim');
    });

    it('mints a new code for every callback URL', async () => {
      const flow = simulateSignIn();
      await clientFor(flow).signIn();

      const codes = [flow.callbackUrl(), flow.callbackUrl()].map(
        (href) => new URL(href).searchParams.get('code') ?? '',
      );

      expect(codes[0]).to.not.equal(codes[1]);
      expect(readCode(codes[0])?.id).to.not.equal(readCode(codes[1])?.id);
    });

    it('records the PKCE challenge in the code', async () => {
      const flow = simulateSignIn();
      const client = clientFor(flow, { pkce: true });
      await client.signIn();

      const result = await client.handleCallback(flow.callbackUrl());

      expect(readCode(result.code)?.codeChallenge).to.equal(await s256(result.codeVerifier ?? ''));
    });

    const failures = [
      {
        outcome: 'denied',
        expected: { code: 'provider_error', error: 'access_denied', verified: true },
      },
      {
        outcome: 'error_code',
        expected: { code: 'provider_error', providerCode: '100102', verified: false },
      },
      { outcome: 'tampered_state', expected: { code: 'state_not_found' } },
    ] as const;
    for (const { outcome, expected } of failures) {
      it(`${outcome}: the SDK refuses the callback with ${expected.code}`, async () => {
        const flow = simulateSignIn();
        const client = clientFor(flow);
        await client.signIn();

        const error = await rejection(() => client.handleCallback(flow.callbackUrl({ outcome })));

        expect(error).to.be.instanceOf(FreedomIdError);
        expect(error).to.include(expected);
      });
    }

    it('error_code: exactly ?error_code=<errorCode>, as Freedom ID documents it', async () => {
      const flow = simulateSignIn();
      await clientFor(flow).signIn();

      expect(flow.callbackUrl({ outcome: 'error_code', errorCode: 100103 })).to.equal(
        `${REDIRECT_URI}?error_code=100103`,
      );
    });

    it('iss and authorization_code: the SDK accepts both', async () => {
      const flow = simulateSignIn();
      const client = clientFor(flow);
      await client.signIn();

      const href = flow.callbackUrl({ iss: true, codeParam: 'authorization_code' });
      const result = await client.handleCallback(href);

      expect(new URL(href).searchParams.get('iss')).to.equal('https://passport.freedompay.kz');
      expect(readCode(result.code)?.nonce).to.equal(result.nonce);
    });

    it('arrive() turns the page into the redirect page with the callback', async () => {
      const flow = simulateSignIn();
      const client = clientFor(flow);
      await client.signIn();

      const href = flow.arrive({ user: 'aigerim' });

      expect(location.href).to.equal(href);
      expect(client.isCallback()).to.equal(true);
      const result = await client.handleCallback();
      expect(readCode(result.code)?.nonce).to.equal(result.nonce);
      expect(location.href).to.equal(REDIRECT_URI);
    });
  });

  describe('when <freedomid-login> starts the sign-in', () => {
    /** Mounts the element as a merchant page would, and clicks its button. */
    async function clickElement(setup: (el: FreedomIdLogin) => void): Promise<FreedomIdLogin> {
      const el = document.createElement('freedomid-login');
      el.setAttribute('client-id', CLIENT_ID);
      el.setAttribute('redirect-uri', REDIRECT_URI);
      setup(el);
      document.body.append(el);
      await el.updateComplete;
      el.shadowRoot?.querySelector('button')?.click();
      return el;
    }
    afterEach(() => {
      for (const el of document.querySelectorAll('freedomid-login')) el.remove();
    });

    it('listen() captures freedomid-redirect and cancels it, so navigate is never called', async () => {
      const flow = simulateSignIn();
      const stop = flow.listen();
      const navigations: URL[] = [];

      await clickElement((el) => (el.navigate = (url) => void navigations.push(url)));
      const url = await flow.redirected();
      stop();

      expect(url.searchParams.get('client_id')).to.equal(CLIENT_ID);
      expect(navigations).to.deep.equal([]);
    });

    it('the element’s navigate property takes flow.navigate', async () => {
      const flow = simulateSignIn();

      await clickElement((el) => (el.navigate = flow.navigate));
      const url = await flow.redirected();

      expect(url.origin + url.pathname).to.equal('https://passport.freedompay.kz/openid');
      expect(new URL(flow.callbackUrl()).searchParams.get('state')).to.equal(
        url.searchParams.get('state'),
      );
    });
  });

  describe('when nothing or a request Freedom ID would refuse was captured', () => {
    it('authorizationUrl says how to capture one', () => {
      expect(() => simulateSignIn().authorizationUrl).to.throw(/flow\.navigate/);
    });

    it('redirected() rejects after timeoutMs', async () => {
      let message = '';
      await simulateSignIn()
        .redirected({ timeoutMs: 50 })
        .catch((error: unknown) => (message = String(error)));

      expect(message).to.contain('no redirect to Freedom ID within 50 ms');
    });

    const refused = [
      {
        title: 'another authority',
        url: `https://sandbox.example/openid?scope=openid&state=s&response_type=code&client_id=c&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&nonce=n`,
        reason: 'not https://passport.freedompay.kz/openid',
      },
      {
        title: 'a missing nonce',
        url: `https://passport.freedompay.kz/openid?scope=openid&state=s&response_type=code&client_id=c&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
        reason: '"nonce" is missing',
      },
      {
        title: 'an unknown grant',
        url: `https://passport.freedompay.kz/openid?scope=openid+read.everything&state=s&response_type=code&client_id=c&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&nonce=n`,
        reason: 'unknown grants: read.everything',
      },
      {
        title: 'no openid grant',
        url: `https://passport.freedompay.kz/openid?scope=read.profile&state=s&response_type=code&client_id=c&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&nonce=n`,
        reason: 'scope lacks "openid"',
      },
    ];
    for (const { title, url, reason } of refused) {
      it(`callbackUrl() throws for ${title}`, () => {
        const flow = simulateSignIn();
        flow.capture(url);

        expect(() => flow.callbackUrl()).to.throw(reason);
      });
    }

    it('arrive() refuses a redirect URI on another origin', () => {
      const flow = simulateSignIn();
      flow.capture(
        'https://passport.freedompay.kz/openid?scope=openid&state=s&response_type=code&client_id=c&redirect_uri=https%3A%2F%2Fshop.example%2Flogin&nonce=n',
      );

      expect(() => flow.arrive()).to.throw("not on this page's origin");
      expect(location.href).to.equal(pageUrl);
    });
  });
});
