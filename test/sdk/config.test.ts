import { expect } from '@open-wc/testing';
import { FreedomIdClient, type FreedomIdConfig } from '../../src/index.js';
import { CLIENT_ID, REDIRECT_URI, thrown } from '../helpers/sdk.js';

const valid: FreedomIdConfig = { clientId: CLIENT_ID, redirectUri: REDIRECT_URI };
const PAGE = location.href;

describe('FreedomIdClient configuration', () => {
  describe('when a field is bad', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['missing clientId', { clientId: undefined }, 'clientId'],
      ['empty clientId', { clientId: '  ' }, 'clientId'],
      ['numeric clientId', { clientId: 42 }, 'clientId'],
      ['relative redirectUri', { redirectUri: '/login' }, 'redirectUri'],
      [
        'http redirectUri off loopback',
        { redirectUri: 'http://shop.example/login' },
        'redirectUri',
      ],
      [
        'redirectUri with a fragment',
        { redirectUri: 'https://shop.example/login#x' },
        'redirectUri',
      ],
      [
        'redirectUri with an empty fragment',
        { redirectUri: 'https://shop.example/login#' },
        'redirectUri',
      ],
      [
        'redirectUri with credentials',
        { redirectUri: 'https://u:p@shop.example/login' },
        'redirectUri',
      ],
      ['javascript: redirectUri', { redirectUri: 'javascript:alert(1)' }, 'redirectUri'],
      ['http authority', { authority: 'http://passport.freedompay.kz' }, 'authority'],
      ['authority with a query', { authority: 'https://passport.freedompay.kz/?x=1' }, 'authority'],
      ['not-a-URL authority', { authority: 'passport.freedompay.kz' }, 'authority'],
      ['string pkce', { pkce: 'yes' }, 'pkce'],
      ['unknown storage', { storage: 'cookie' }, 'storage'],
      ['zero stateTtlSeconds', { stateTtlSeconds: 0 }, 'stateTtlSeconds'],
      ['NaN stateTtlSeconds', { stateTtlSeconds: Number.NaN }, 'stateTtlSeconds'],
      ['non-function navigate', { navigate: '/go' }, 'navigate'],
      ['scope with a quote', { scope: 'openid "read"' }, 'scope'],
      ['non-string scope', { scope: ['openid'] }, 'scope'],
      ['clientSecret', { clientSecret: 's3cret' }, 'clientSecret'],
      ['client_secret', { client_secret: 's3cret' }, 'client_secret'],
      ['a misspelled option', { redirectURI: REDIRECT_URI }, 'redirectURI'],
      ['numeric authority', { authority: 42 }, 'authority'],
      [
        'http authorizationEndpoint off loopback',
        { authorizationEndpoint: 'http://idp.example/authorize' },
        'authorizationEndpoint',
      ],
      [
        'relative authorizationEndpoint',
        { authorizationEndpoint: '/oauth2/authorize' },
        'authorizationEndpoint',
      ],
      [
        'authorizationEndpoint with a fragment',
        { authorizationEndpoint: 'https://idp.example/authorize#x' },
        'authorizationEndpoint',
      ],
      ['empty providerName', { providerName: ' ' }, 'providerName'],
      ['prepare that is not a boolean', { prepare: 'off' }, 'prepare'],
    ];
    for (const [name, change, field] of cases) {
      it(`${name} → invalid_config naming ${field}, with field "${field}"`, () => {
        const error = thrown(() => new FreedomIdClient({ ...valid, ...change }));
        expect(error.name).to.equal('FreedomIdError');
        expect(error.code).to.equal('invalid_config');
        expect(error.message).to.contain(field);
        expect(error.field).to.equal(field);
        expect(error.toJSON()).to.include({ field });
      });
    }

    // The element's backend-url and params-url are these options: the JS API is checked the same way.
    const urls: [string, Record<string, unknown>, string][] = [
      [
        'backendUrl',
        { backendUrl: 'javascript:alert(1)' },
        'backendUrl "javascript:alert(1)" must be an http(s) URL, e.g. /api/freedomid/callback.',
      ],
      [
        'backendUrl',
        { backendUrl: ' ' },
        'backendUrl " " must be an http(s) URL, e.g. /api/freedomid/callback.',
      ],
      [
        'paramsUrl',
        { paramsUrl: 'ftp://shop.example/params' },
        'paramsUrl "ftp://shop.example/params" must be an http(s) URL, e.g. /api/freedomid/params.',
      ],
      [
        'paramsUrl',
        { paramsUrl: 42 },
        'paramsUrl 42 must be an http(s) URL, e.g. /api/freedomid/params.',
      ],
      [
        'paramsUrl',
        { paramsUrl: '/api/freedomid/params', authParams: () => ({ state: 's', nonce: 'n' }) },
        'Set paramsUrl or authParams, not both.',
      ],
    ];
    for (const [field, change, message] of urls) {
      it(`${JSON.stringify(change[field])} as ${field} → invalid_config with field "${field}" and the exact message`, () => {
        const error = thrown(() => new FreedomIdClient({ ...valid, ...change }));
        expect(error.toJSON()).to.deep.equal({ code: 'invalid_config', field, message });
      });
    }

    it('says why a client secret is refused', () => {
      const error = thrown(
        () => new FreedomIdClient({ ...valid, clientSecret: 'x' } as FreedomIdConfig),
      );
      expect(error.message).to.equal(
        'clientSecret must never be in browser code, where anyone can read it: keep it on your backend, which exchanges the code.',
      );
    });
  });

  describe('when the configuration is good', () => {
    const cases: [string, Partial<FreedomIdConfig>][] = [
      ['https redirectUri', { redirectUri: 'https://shop.example/login?from=cart' }],
      ['localhost', { redirectUri: 'http://localhost:5173/login' }],
      ['127.0.0.1', { redirectUri: 'http://127.0.0.1:8080/cb' }],
      ['[::1]', { redirectUri: 'http://[::1]:8080/cb' }],
      ['local storage', { storage: 'local' }],
      ['a Storage-like object', { storage: sessionStorage }],
      ['a sandbox authority', { authority: 'http://127.0.0.1:9400' }],
    ];
    for (const [name, change] of cases) {
      it(`accepts ${name}`, () => {
        expect(() => new FreedomIdClient({ ...valid, ...change })).to.not.throw();
      });
    }

    it('fills in the defaults, the redirect URI being this page without query or hash', () => {
      history.replaceState(null, '', `${location.pathname}?lang=kk#top`);
      try {
        const { config } = new FreedomIdClient({ clientId: CLIENT_ID });
        expect(config.redirectUri).to.equal(location.origin + location.pathname);
        expect([config.backendUrl, config.authParams]).to.deep.equal([undefined, undefined]);
      } finally {
        history.replaceState(null, '', PAGE);
      }
    });

    it('accepts a relative backendUrl, kept as written, and makes paramsUrl the authParams', () => {
      const { config } = new FreedomIdClient({
        ...valid,
        backendUrl: '/api/freedomid/callback',
        paramsUrl: 'https://shop.example/api/freedomid/params',
      });
      expect(config.backendUrl).to.equal('/api/freedomid/callback');
      expect(typeof config.authParams).to.equal('function');
    });

    it('fills in the other defaults', () => {
      const { config } = new FreedomIdClient(valid);
      expect(config.authority).to.equal('https://passport.freedompay.kz');
      expect(config.authorizationEndpoint.href).to.equal('https://passport.freedompay.kz/openid');
      expect(config.scope).to.equal('openid');
      expect(config.pkce).to.equal(false);
      expect(config.storage).to.equal('session');
      expect(config.stateTtlSeconds).to.equal(600);
      expect(config.providerName).to.equal('Freedom ID');
    });

    // Issuers are compared exactly as configured (RFC 9207 §2.4): a trailing "/" stays in the
    // authority and is dropped only when the default endpoint is built on it, never giving "//".
    const endpoints: [string, string, string][] = [
      [
        'https://passport.freedompay.kz',
        'https://passport.freedompay.kz',
        'https://passport.freedompay.kz/openid',
      ],
      [
        'https://passport.freedompay.kz/',
        'https://passport.freedompay.kz/',
        'https://passport.freedompay.kz/openid',
      ],
      [
        'https://idp.example/realms/shop/',
        'https://idp.example/realms/shop/',
        'https://idp.example/realms/shop/openid',
      ],
      ['http://127.0.0.1:9400', 'http://127.0.0.1:9400', 'http://127.0.0.1:9400/openid'],
    ];
    for (const [authority, kept, endpoint] of endpoints) {
      it(`keeps the authority ${authority} as written; the default endpoint is ${endpoint}`, () => {
        const { config } = new FreedomIdClient({ ...valid, authority });
        expect(config.authority).to.equal(kept);
        expect(config.authorizationEndpoint.href).to.equal(endpoint);
      });
    }

    it('takes a provider’s own authorizationEndpoint, query and all', () => {
      const { config } = new FreedomIdClient({
        ...valid,
        authority: 'http://localhost:8080/',
        authorizationEndpoint: 'http://localhost:8080/oauth2/authorize?tenant=shop',
        providerName: 'LemonLDAP::NG',
      });
      expect(config.authority).to.equal('http://localhost:8080/');
      expect(config.authorizationEndpoint.href).to.equal(
        'http://localhost:8080/oauth2/authorize?tenant=shop',
      );
      expect(config.providerName).to.equal('LemonLDAP::NG');
    });
  });
});
