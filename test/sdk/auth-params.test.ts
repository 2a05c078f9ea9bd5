import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { fetchAuthParams } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import { callbackUrl, clearEntries, makeClient, rejection, storedEntries } from './helpers.js';

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

  describe('fetchAuthParams', () => {
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
