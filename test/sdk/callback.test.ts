import { expect } from '@open-wc/testing';
import {
  AUTHORITY,
  REDIRECT_URI,
  callbackUrl,
  clearEntries,
  makeClient,
  rejection,
  startSignIn,
  storedEntries,
} from '../helpers/sdk.js';

describe('FreedomIdClient.handleCallback', () => {
  const pageUrl = location.href;
  afterEach(() => {
    clearEntries();
    clearEntries(localStorage);
    history.replaceState(null, '', pageUrl);
  });

  describe('when the callback matches a stored request', () => {
    it('returns the exact result and removes the request', async () => {
      const { client } = makeClient();
      const { state, nonce } = await startSignIn(client, {
        appState: { cart: [1, 2] },
        returnTo: '/checkout',
      });
      const result = await client.handleCallback(callbackUrl({ code: 'auth-code-1', state }));
      expect(result).to.deep.equal({
        code: 'auth-code-1',
        state,
        nonce,
        redirectUri: REDIRECT_URI,
        appState: { cart: [1, 2] },
        returnTo: '/checkout',
      });
      expect(storedEntries()).to.deep.equal({});
    });

    it('returns the PKCE verifier when pkce is on', async () => {
      const { client } = makeClient({ pkce: true });
      const { state } = await startSignIn(client);
      const verifier = storedEntries()[`freedomid.${state}`]['code_verifier'];
      const result = await client.handleCallback(callbackUrl({ code: 'c', state }));
      expect(result.codeVerifier).to.equal(verifier);
    });

    it('accepts Freedom ID’s authorization_code parameter', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const result = await client.handleCallback(
        callbackUrl({ authorization_code: 'legacy-code', state }),
      );
      expect(result.code).to.equal('legacy-code');
    });

    it('accepts an iss equal to the authority (RFC 9207)', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const result = await client.handleCallback(callbackUrl({ code: 'c', state, iss: AUTHORITY }));
      expect(result.code).to.equal('c');
    });

    it('completes two sign-ins started side by side, each once', async () => {
      const { client } = makeClient();
      const first = await startSignIn(client);
      const second = await startSignIn(client);
      const secondResult = await client.handleCallback(
        callbackUrl({ code: 'two', state: second.state }),
      );
      const firstResult = await client.handleCallback(
        callbackUrl({ code: 'one', state: first.state }),
      );
      expect([firstResult.code, firstResult.nonce]).to.deep.equal(['one', first.nonce]);
      expect([secondResult.code, secondResult.nonce]).to.deep.equal(['two', second.nonce]);
    });

    it('lets only one of two simultaneous handlers take the request', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const href = callbackUrl({ code: 'c', state });
      const outcomes = await Promise.allSettled([
        client.handleCallback(href),
        client.handleCallback(href),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['fulfilled', 'rejected']);
      expect((await rejection(outcomes[1])).code).to.equal('state_not_found');
    });

    it('works across tabs with storage: "local"', async () => {
      const { client: tabA } = makeClient({ storage: 'local' });
      const { state } = await startSignIn(tabA);
      const { client: tabB } = makeClient({ storage: 'local' });
      expect((await tabB.handleCallback(callbackUrl({ code: 'c', state }))).state).to.equal(state);
    });
  });

  describe('when the callback cannot be accepted', () => {
    it('a replayed callback → state_not_found', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const href = callbackUrl({ code: 'c', state });
      await client.handleCallback(href);
      const error = await rejection(() => client.handleCallback(href));
      expect(error.code).to.equal('state_not_found');
      expect(error.message).to.contain('back button');
      expect(error.message).to.contain('another tab (use storage: "local")');
    });

    const tampered: [string, (state: string) => string][] = [
      ['one character changed', (state) => (state[0] === 'A' ? 'B' : 'A') + state.slice(1)],
      ['truncated', (state) => state.slice(0, -1)],
      ['extended', (state) => `${state}x`],
      ['with ;suffix', (state) => `${state};x`],
      ['random', () => 'PUJNUsZq4YTXLsgNSurd4brpcE3JumGF'],
    ];
    for (const [name, tamper] of tampered) {
      it(`a tampered state (${name}) → state_not_found, and the real request stays`, async () => {
        const { client } = makeClient();
        const { state } = await startSignIn(client);
        const error = await rejection(() =>
          client.handleCallback(callbackUrl({ code: 'c', state: tamper(state) })),
        );
        expect(error.code).to.equal('state_not_found');
        expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
      });
    }

    it('no state → state_missing', async () => {
      const { client } = makeClient();
      const error = await rejection(() => client.handleCallback(callbackUrl({ code: 'c' })));
      expect(error.code).to.equal('state_missing');
    });

    it('an expired request → state_expired, and it is removed', async () => {
      const { client } = makeClient({ stateTtlSeconds: 600 });
      const { state } = await startSignIn(client);
      const key = `freedomid.${state}`;
      const entry = storedEntries()[key];
      sessionStorage.setItem(
        key,
        JSON.stringify({ ...entry, created: Math.floor(Date.now() / 1000) - 601 }),
      );
      const error = await rejection(() => client.handleCallback(callbackUrl({ code: 'c', state })));
      expect(error.code).to.equal('state_expired');
      expect(error.message).to.contain('stateTtlSeconds');
      expect(storedEntries()).to.deep.equal({});
    });

    it('another issuer → issuer_mismatch, and the request is used up', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const error = await rejection(() =>
        client.handleCallback(callbackUrl({ code: 'c', state, iss: 'https://evil.example' })),
      );
      expect(error.code).to.equal('issuer_mismatch');
      expect(error.message).to.contain('"https://evil.example"');
      expect(storedEntries()).to.deep.equal({});
    });

    it('a valid state without a code → code_missing', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const error = await rejection(() => client.handleCallback(callbackUrl({ state })));
      expect(error.code).to.equal('code_missing');
    });

    it('a state issued for another client id → state_not_found, and that client’s request stays', async () => {
      const { client: other } = makeClient({ clientId: 'another-client' });
      const { state } = await startSignIn(other);
      const { client } = makeClient();
      const error = await rejection(() => client.handleCallback(callbackUrl({ code: 'c', state })));
      expect(error.code).to.equal('state_not_found');
      expect(error.message).to.contain('another-client');
      expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
    });

    it('a state issued for another redirect URI → state_not_found', async () => {
      const { client: other } = makeClient({ redirectUri: `${location.origin}/other-callback` });
      const { state } = await startSignIn(other);
      const { client } = makeClient();
      const error = await rejection(() => client.handleCallback(callbackUrl({ code: 'c', state })));
      expect(error.code).to.equal('state_not_found');
    });

    it('repeated parameters → invalid_callback', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const href = `${callbackUrl({ code: 'c', state })}&state=${state}`;
      const error = await rejection(() => client.handleCallback(href));
      expect(error.code).to.equal('invalid_callback');
      expect(error.message).to.contain('"state"');
    });
  });

  describe('when the provider returns an error', () => {
    it('access_denied with our state → provider_error, verified, all fields', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const error = await rejection(() =>
        client.handleCallback(
          callbackUrl({
            error: 'access_denied',
            error_description: 'User <b>declined</b>',
            error_uri: 'https://docs.freedompay.kz/errors#access_denied',
            state,
          }),
        ),
      );
      expect(error.toJSON()).to.deep.equal({
        code: 'provider_error',
        message: 'The user cancelled the sign-in (error "access_denied": User <b>declined</b>).',
        error: 'access_denied',
        errorDescription: 'User <b>declined</b>',
        errorUri: 'https://docs.freedompay.kz/errors#access_denied',
        verified: true,
      });
      expect(storedEntries()).to.deep.equal({});
    });

    it('access_denied without a matching state → provider_error, verified: false', async () => {
      const { client } = makeClient();
      const error = await rejection(() =>
        client.handleCallback(callbackUrl({ error: 'access_denied', state: 'not-ours' })),
      );
      expect(error.code).to.equal('provider_error');
      expect(error.error).to.equal('access_denied');
      expect(error.verified).to.equal(false);
      expect(error.message).to.contain('may not come from Freedom ID');
    });

    it('Freedom ID’s error_code without state → provider_error with providerCode', async () => {
      const { client } = makeClient();
      const error = await rejection(() =>
        client.handleCallback(callbackUrl({ error_code: '100102' })),
      );
      expect(error.toJSON()).to.deep.equal({
        code: 'provider_error',
        message:
          'Freedom ID could not complete the sign-in (error "server_error", error_code 100102). The callback carried no state this site issued, so it may not come from Freedom ID.',
        error: 'server_error',
        providerCode: '100102',
        verified: false,
      });
    });

    it('drops an error_uri that is not https', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const error = await rejection(() =>
        client.handleCallback(
          callbackUrl({ error: 'invalid_scope', error_uri: 'javascript:alert(1)', state }),
        ),
      );
      expect(error.errorUri).to.equal(undefined);
      expect(error.error).to.equal('invalid_scope');
    });
  });

  describe('when it reads the current page', () => {
    it('removes only the callback parameters from the address bar, keeping the others and the hash', async () => {
      const { client } = makeClient({ redirectUri: `${location.origin}${location.pathname}` });
      const { state } = await startSignIn(client);
      history.replaceState(
        null,
        '',
        `${location.pathname}?lang=kk&code=abc&state=${state}&iss=${encodeURIComponent(AUTHORITY)}&q=a%20b#section-2`,
      );
      const result = await client.handleCallback();
      expect(result.code).to.equal('abc');
      expect(location.search).to.equal('?lang=kk&q=a%20b');
      expect(location.hash).to.equal('#section-2');
    });

    it('cleans the address bar on failure too', async () => {
      const { client } = makeClient({ redirectUri: `${location.origin}${location.pathname}` });
      history.replaceState(null, '', `${location.pathname}?code=abc&state=forged`);
      const error = await rejection(() => client.handleCallback());
      expect(error.code).to.equal('state_not_found');
      expect(location.search).to.equal('');
    });
  });

  describe('when storage fails', () => {
    const throwing: Storage = {
      get length(): number {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      key() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      getItem() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem() {},
      clear() {},
    };

    it('createAuthorizationUrl → storage_unavailable, and nothing navigates', async () => {
      const { client, navigations } = makeClient({ storage: throwing });
      const error = await rejection(() => client.signIn());
      expect(error.code).to.equal('storage_unavailable');
      expect(error.message).to.contain('custom storage');
      expect((error.cause as DOMException).name).to.equal('SecurityError');
      expect(navigations).to.deep.equal([]);
    });

    it('a full storage (QuotaExceededError on setItem) → storage_unavailable', async () => {
      const full: Storage = Object.assign(Object.create(null) as Storage, {
        length: 0,
        key: () => null,
        getItem: () => null,
        setItem: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
        removeItem: () => undefined,
        clear: () => undefined,
      });
      const { client } = makeClient({ storage: full });
      const error = await rejection(() => client.createAuthorizationUrl());
      expect(error.code).to.equal('storage_unavailable');
      expect((error.cause as DOMException).name).to.equal('QuotaExceededError');
    });

    it('handleCallback → storage_unavailable', async () => {
      const { client } = makeClient({ storage: throwing });
      const error = await rejection(() =>
        client.handleCallback(callbackUrl({ code: 'c', state: 'abc' })),
      );
      expect(error.code).to.equal('storage_unavailable');
    });
  });
});

describe('FreedomIdClient.isCallback', () => {
  const cases: [string, string, boolean][] = [
    ['code and state on the redirect URI', callbackUrl({ code: 'c', state: 's' }), true],
    ['authorization_code', callbackUrl({ authorization_code: 'c' }), true],
    ['error', callbackUrl({ error: 'access_denied' }), true],
    ['error_code', callbackUrl({ error_code: '100102' }), true],
    ['no callback parameters', callbackUrl({ lang: 'ru' }), false],
    ['another path', callbackUrl({ code: 'c', state: 's' }, `${location.origin}/elsewhere`), false],
    ['another origin', callbackUrl({ code: 'c', state: 's' }, 'https://evil.example/login'), false],
    ['the params in the hash only', `${REDIRECT_URI}#code=c&state=s`, false],
    ['not a URL', 'not a url', false],
  ];
  for (const [name, href, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      expect(makeClient().client.isCallback(href)).to.equal(expected);
    });
  }
});
