import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { fetchAuthParams } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import {
  bigReply,
  callbackUrl,
  clearEntries,
  makeClient,
  rejection,
  storedEntries,
} from '../helpers/sdk.js';

const STATE = 'backend-state-0123456789abcdefXYZ';
const NONCE = 'backend-nonce-0123456789abcdefXYZ';

describe('authParams (backend-bound state and nonce)', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
    clearEntries();
  });

  describe('when the supplier returns good values', () => {
    it('uses them in the URL and the stored request, and the callback still checks the state', async () => {
      const { client } = makeClient({
        authParams: () => Promise.resolve({ state: STATE, nonce: NONCE }),
      });
      const url = await client.createAuthorizationUrl();
      expect(url.searchParams.get('state')).to.equal(STATE);
      expect(url.searchParams.get('nonce')).to.equal(NONCE);
      expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${STATE}`]);
      const forged = await rejection(() =>
        client.handleCallback(callbackUrl({ code: 'c', state: `${STATE}x` })),
      );
      expect(forged.code).to.equal('state_not_found');
      const result = await client.handleCallback(callbackUrl({ code: 'c', state: STATE }));
      expect([result.state, result.nonce]).to.deep.equal([STATE, NONCE]);
    });

    it('refuses a state that a pending request already uses', async () => {
      const { client } = makeClient({ authParams: () => ({ state: STATE, nonce: NONCE }) });
      await client.createAuthorizationUrl();
      const error = await rejection(() => client.createAuthorizationUrl());
      expect(error.code).to.equal('invalid_config');
      expect(error.message).to.contain('already in use');
    });
  });

  describe('when the supplier returns bad values', () => {
    const cases: [string, unknown, string][] = [
      ['a 21-character state', { state: 'a'.repeat(21), nonce: NONCE }, 'state'],
      ['a 21-character nonce', { state: STATE, nonce: 'n'.repeat(21) }, 'nonce'],
      ['a state with "+/="', { state: `${'a'.repeat(22)}+/=`, nonce: NONCE }, 'state'],
      ['no nonce', { state: STATE }, 'nonce'],
      ['a numeric state', { state: 1234567890123456, nonce: NONCE }, 'state'],
      ['null', null, 'state'],
    ];
    for (const [name, supplied, field] of cases) {
      it(`${name} → invalid_config naming ${field}, nothing stored, no navigation`, async () => {
        const { client, navigations } = makeClient({
          authParams: () => supplied as { state: string; nonce: string },
        });
        const error = await rejection(() => client.signIn());
        expect(error.code).to.equal('invalid_config');
        expect(error.message).to.contain(`authParams returned ${field}`);
        expect(storedEntries()).to.deep.equal({});
        expect(navigations).to.deep.equal([]);
      });
    }

    it('a supplier that throws → backend_error with the cause', async () => {
      const failure = new Error('session expired');
      const { client } = makeClient({ authParams: () => Promise.reject(failure) });
      const error = await rejection(() => client.createAuthorizationUrl());
      expect(error.code).to.equal('backend_error');
      expect(error.cause).to.equal(failure);
    });
  });

  describe('when the backend makes the PKCE challenge', () => {
    // S256 of RFC 7636 Appendix B's verifier, which stays in the backend's cookie.
    const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

    for (const pkce of [false, true]) {
      it(`sends it as code_challenge (S256) and keeps no verifier (pkce: ${pkce})`, async () => {
        const { client } = makeClient({
          pkce,
          authParams: () => ({
            state: STATE,
            nonce: NONCE,
            codeChallenge: CHALLENGE,
            codeChallengeMethod: 'S256',
          }),
        });
        const url = await client.createAuthorizationUrl();
        expect([...url.searchParams].slice(5)).to.deep.equal([
          ['nonce', NONCE],
          ['code_challenge', CHALLENGE],
          ['code_challenge_method', 'S256'],
        ]);
        expect(storedEntries()[`freedomid.${STATE}`]).to.not.have.property('code_verifier');
        const result = await client.handleCallback(callbackUrl({ code: 'c', state: STATE }));
        expect(result).to.not.have.property('codeVerifier');
      });
    }

    const bad: [string, Record<string, unknown>][] = [
      ['a challenge without its method', { codeChallenge: CHALLENGE }],
      ['the method without a challenge', { codeChallengeMethod: 'S256' }],
      ['the plain method', { codeChallenge: CHALLENGE, codeChallengeMethod: 'plain' }],
      [
        'a 42-character challenge',
        { codeChallenge: CHALLENGE.slice(1), codeChallengeMethod: 'S256' },
      ],
      [
        'a challenge with "+"',
        { codeChallenge: `+${CHALLENGE.slice(1)}`, codeChallengeMethod: 'S256' },
      ],
    ];
    for (const [name, extra] of bad) {
      it(`${name} → invalid_config with field authParams, nothing stored`, async () => {
        const { client, navigations } = makeClient({
          authParams: () => ({ state: STATE, nonce: NONCE, ...extra }),
        });
        const error = await rejection(() => client.signIn());
        expect([error.code, error.field]).to.deep.equal(['invalid_config', 'authParams']);
        expect(error.message).to.contain('codeChallenge');
        expect(storedEntries()).to.deep.equal({});
        expect(navigations).to.deep.equal([]);
      });
    }
  });

  describe('fetchAuthParams', () => {
    it('GETs the backend’s { state, nonce, codeChallenge, codeChallengeMethod }', async () => {
      const reply = {
        state: STATE,
        nonce: NONCE,
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        codeChallengeMethod: 'S256',
      };
      worker.use(http.get('/api/freedomid/params', () => HttpResponse.json(reply)));
      expect(await fetchAuthParams('/api/freedomid/params')).to.deep.equal(reply);
    });

    for (const [name, chunked] of [
      ['with a content-length', false],
      ['chunked, without a content-length', true],
    ] as const) {
      it(`a reply over 65,536 bytes (${name}) → invalid_response`, async () => {
        const body = JSON.stringify({ state: STATE, nonce: NONCE, pad: 'x'.repeat(65_536) });
        worker.use(http.get('/api/freedomid/params', () => bigReply(body, chunked)));
        const error = await rejection(() => fetchAuthParams('/api/freedomid/params'));
        expect([error.code, error.status]).to.deep.equal(['invalid_response', 200]);
        expect(error.message).to.contain('65536 bytes');
      });
    }

    it('a reply of exactly 65,536 bytes, chunked, is read', async () => {
      const head = JSON.stringify({ state: STATE, nonce: NONCE, pad: '' });
      const body = head.replace('"pad":""', `"pad":"${'x'.repeat(65_536 - head.length)}"`);
      expect(body.length).to.equal(65_536);
      worker.use(http.get('/api/freedomid/params', () => bigReply(body, true)));
      expect(await fetchAuthParams('/api/freedomid/params')).to.deep.equal({
        state: STATE,
        nonce: NONCE,
      });
    });

    it('GETs { state, nonce } from the backend', async () => {
      let method = '';
      worker.use(
        http.get('/api/freedomid/params', ({ request }) => {
          method = request.method;
          return HttpResponse.json({ state: STATE, nonce: NONCE });
        }),
      );
      expect(await fetchAuthParams('/api/freedomid/params')).to.deep.equal({
        state: STATE,
        nonce: NONCE,
      });
      expect(method).to.equal('GET');
    });

    it('an HTTP 500 → backend_error', async () => {
      worker.use(
        http.get('/api/freedomid/params', () =>
          HttpResponse.json({ message: 'down' }, { status: 500 }),
        ),
      );
      const error = await rejection(() => fetchAuthParams('/api/freedomid/params'));
      expect([error.code, error.status]).to.deep.equal(['backend_error', 500]);
    });

    it('a network failure → network_error', async () => {
      worker.use(http.get('/api/freedomid/params', () => HttpResponse.error()));
      const error = await rejection(() => fetchAuthParams('/api/freedomid/params'));
      expect(error.code).to.equal('network_error');
    });

    it('short values from the backend → invalid_config', async () => {
      worker.use(
        http.get('/api/freedomid/params', () =>
          HttpResponse.json({ state: 'short', nonce: NONCE }),
        ),
      );
      const error = await rejection(() => fetchAuthParams('/api/freedomid/params'));
      expect(error.code).to.equal('invalid_config');
    });
  });
});
