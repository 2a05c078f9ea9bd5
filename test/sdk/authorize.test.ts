import { expect } from '@open-wc/testing';
import { SigninState } from 'oidc-client-ts';
import {
  AUTHORITY,
  CLIENT_ID,
  REDIRECT_URI,
  clearEntries,
  makeClient,
  rejection,
  s256,
  storedEntries,
} from '../helpers/sdk.js';

const URL_SAFE_128_BITS = /^[A-Za-z0-9_-]{22,}$/;

describe('FreedomIdClient.createAuthorizationUrl', () => {
  afterEach(() => {
    clearEntries();
  });

  describe('with the default configuration', () => {
    it('builds exactly Freedom ID’s six parameters, in the documented order', async () => {
      const { client } = makeClient();
      const url = await client.createAuthorizationUrl();
      expect(url.origin + url.pathname).to.equal(`${AUTHORITY}/openid`);
      expect([...url.searchParams.keys()]).to.deep.equal([
        'scope',
        'state',
        'response_type',
        'client_id',
        'redirect_uri',
        'nonce',
      ]);
      const state = url.searchParams.get('state')!;
      const nonce = url.searchParams.get('nonce')!;
      expect(url.searchParams.get('scope')).to.equal('openid');
      expect(url.searchParams.get('response_type')).to.equal('code');
      expect(url.searchParams.get('client_id')).to.equal(CLIENT_ID);
      expect(url.searchParams.get('redirect_uri')).to.equal(REDIRECT_URI);
      expect(state).to.match(URL_SAFE_128_BITS);
      expect(nonce).to.match(URL_SAFE_128_BITS);
      expect(state).to.not.equal(nonce);
    });

    it('stores one entry under freedomid.<state> with the nonce, client and creation time', async () => {
      const { client } = makeClient();
      const before = Math.floor(Date.now() / 1000);
      const url = await client.createAuthorizationUrl({
        appState: { cart: 42 },
        returnTo: '/account?tab=orders#top',
      });
      const state = url.searchParams.get('state')!;
      const entries = storedEntries();
      expect(Object.keys(entries)).to.deep.equal([`freedomid.${state}`]);
      const entry = entries[`freedomid.${state}`];
      expect(entry['created']).to.be.within(before, before + 2);
      // oidc-client-ts's SigninState record, keyed by our state; what the merchant attached is its data.
      expect({ ...entry, created: 0 }).to.deep.equal({
        id: state,
        nonce: url.searchParams.get('nonce'),
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        authority: AUTHORITY,
        scope: 'openid',
        created: 0,
        data: { appState: { cart: 42 }, returnTo: '/account?tab=orders#top' },
      });
    });

    it('gives every request its own state and nonce', async () => {
      const { client } = makeClient();
      const urls = await Promise.all(
        Array.from({ length: 20 }, () => client.createAuthorizationUrl()),
      );
      expect(new Set(urls.map((url) => url.searchParams.get('state'))).size).to.equal(20);
      expect(new Set(urls.map((url) => url.searchParams.get('nonce'))).size).to.equal(20);
      expect(Object.keys(storedEntries())).to.have.length(20);
    });
  });

  describe('with pkce: true', () => {
    it('computes RFC 7636 Appendix B’s challenge (oidc-client-ts’s SigninState), as does the reference S256 used below', async () => {
      const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
      const record = await SigninState.create({
        code_verifier: verifier,
        authority: AUTHORITY,
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        scope: 'openid',
      });
      expect(record.code_challenge).to.equal('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
      expect(await s256(verifier)).to.equal('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    });

    it('adds code_challenge (S256 of the stored verifier) and code_challenge_method=S256', async () => {
      const { client } = makeClient({ pkce: true });
      const url = await client.createAuthorizationUrl();
      expect([...url.searchParams.keys()]).to.deep.equal([
        'scope',
        'state',
        'response_type',
        'client_id',
        'redirect_uri',
        'nonce',
        'code_challenge',
        'code_challenge_method',
      ]);
      const verifier = storedEntries()[`freedomid.${url.searchParams.get('state')!}`][
        'code_verifier'
      ] as string;
      // 32 bytes from Web Crypto in unpadded base64url: RFC 7636 §4.1's recommended verifier.
      expect(verifier).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(url.searchParams.get('code_challenge')).to.equal(await s256(verifier));
      expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    });
  });

  describe('scope normalisation', () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'openid'],
      ['', 'openid'],
      ['openid', 'openid'],
      ['read.profile', 'openid read.profile'],
      ['openid read.profile', 'openid read.profile'],
      ['read.email openid read.phone', 'openid read.email read.phone'],
      ['  read.profile\t\nread.profile  openid ', 'openid read.profile'],
    ];
    for (const [scope, expected] of cases) {
      it(`${JSON.stringify(scope)} → "${expected}"`, async () => {
        const { client } = makeClient(scope === undefined ? {} : { scope });
        const url = await client.createAuthorizationUrl();
        expect(url.searchParams.get('scope')).to.equal(expected);
      });
    }
  });

  describe('extraParams', () => {
    it('are appended after the protocol parameters', async () => {
      const { client } = makeClient();
      const url = await client.createAuthorizationUrl({
        extraParams: { ui_locales: 'kk', prompt: 'login' },
      });
      expect([...url.searchParams.keys()].slice(6)).to.deep.equal(['ui_locales', 'prompt']);
      expect(url.searchParams.get('ui_locales')).to.equal('kk');
      expect(url.searchParams.get('prompt')).to.equal('login');
    });

    for (const name of [
      'scope',
      'state',
      'response_type',
      'client_id',
      'redirect_uri',
      'nonce',
      'code_challenge',
      'code_challenge_method',
    ]) {
      it(`may not override ${name}, and nothing is stored`, async () => {
        const { client } = makeClient();
        const error = await rejection(() =>
          client.createAuthorizationUrl({ extraParams: { [name]: 'x' } }),
        );
        expect(error.code).to.equal('invalid_argument');
        expect(error.message).to.contain(`extraParams.${name} is not allowed`);
        expect(storedEntries()).to.deep.equal({});
      });
    }
  });

  describe('returnTo', () => {
    const accepted: [string, string][] = [
      ['/account', '/account'],
      ['/a/b?c=d#e', '/a/b?c=d#e'],
      ['account', '/account'],
      [`${location.origin}/orders?id=7`, '/orders?id=7'],
      ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
      // Userinfo before this very host is still this origin; only the path is kept.
      [`//evil.example%2F@${location.host}/x`, '/x'],
    ];
    for (const [returnTo, stored] of accepted) {
      it(`accepts ${returnTo} as ${stored}`, async () => {
        const { client } = makeClient();
        const url = await client.createAuthorizationUrl({ returnTo });
        expect(
          storedEntries()[`freedomid.${url.searchParams.get('state')!}`]['data'],
        ).to.deep.equal({ returnTo: stored });
      });
    }
    const refused = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '//evil.example/path',
      '\\\\evil.example',
      '/\\evil.example',
      '\\/evil.example',
      'https://evil.example/',
      'https:evil.example',
      '/\tjavascript:alert(1)',
      'data:text/html,hi',
      '',
    ];
    for (const returnTo of refused) {
      it(`refuses ${JSON.stringify(returnTo)} with invalid_argument`, async () => {
        const { client } = makeClient();
        const error = await rejection(() => client.createAuthorizationUrl({ returnTo }));
        expect(error.code).to.equal('invalid_argument');
        expect(error.message).to.contain('returnTo');
        expect(storedEntries()).to.deep.equal({});
      });
    }
  });

  it('refuses an appState that cannot be stored as JSON', async () => {
    const { client } = makeClient();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const error = await rejection(() => client.createAuthorizationUrl({ appState: cyclic }));
    expect(error.code).to.equal('invalid_argument');
    expect(error.message).to.contain('appState');
  });
});

describe('FreedomIdClient.signIn', () => {
  afterEach(() => {
    clearEntries();
  });

  it('navigates once, to the URL it stored a request for', async () => {
    const { client, navigations } = makeClient();
    await client.signIn({ returnTo: '/cart' });
    expect(navigations).to.have.length(1);
    const state = navigations[0].searchParams.get('state')!;
    expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
  });

  it('sweeps requests older than stateTtlSeconds when a new one starts', async () => {
    const { client } = makeClient({ stateTtlSeconds: 600 });
    const old = await client.createAuthorizationUrl();
    const oldKey = `freedomid.${old.searchParams.get('state')!}`;
    const entry = storedEntries()[oldKey];
    sessionStorage.setItem(
      oldKey,
      JSON.stringify({ ...entry, created: Math.floor(Date.now() / 1000) - 601 }),
    );
    sessionStorage.setItem('freedomid.garbage', '{not json');
    sessionStorage.setItem('unrelated', 'kept');
    const fresh = await client.createAuthorizationUrl();
    expect(Object.keys(storedEntries())).to.deep.equal([
      `freedomid.${fresh.searchParams.get('state')!}`,
    ]);
    expect(sessionStorage.getItem('unrelated')).to.equal('kept');
    sessionStorage.removeItem('unrelated');
  });
});
