// The guards around oidc-client-ts 3.5, one per behaviour measured in it (issue 11). Each test
// fails when its guard is removed: our strict parse and an exact state match run before its
// SigninResponse sees a callback, and our store takes a request in one synchronous step, never
// through its WebStorageStateStore.remove, which awaits between the read and the delete.
import { expect } from '@open-wc/testing';
import {
  REDIRECT_URI,
  clearEntries,
  makeClient,
  startSignIn,
  storedEntries,
  rejection,
} from '../helpers/security.js';

describe('oidc-client-ts guards', () => {
  afterEach(() => {
    clearEntries();
  });

  describe('SigninResponse splits the state on ";" (its url_state)', () => {
    for (const suffix of [';junk', ';', `;${'A'.repeat(43)}`]) {
      it(`state=<ours>${suffix.slice(0, 6)}… → state_not_found, and our request still completes`, async () => {
        const { client } = makeClient();
        const { state } = await startSignIn(client);
        const forged = `${REDIRECT_URI}?code=forged&state=${state}${suffix}`;

        const error = await rejection(() => client.handleCallback(forged));

        expect(error.code).to.equal('state_not_found');
        expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
        const genuine = await client.handleCallback(`${REDIRECT_URI}?code=real&state=${state}`);
        expect([genuine.code, genuine.state]).to.deep.equal(['real', state]);
      });
    }
  });

  describe('SigninResponse throws a raw URIError on a %-escape in the state', () => {
    const cases: [string, (ours: string) => string, string][] = [
      ['abc%', () => 'abc%', 'invalid_callback'],
      ['abc%zz', () => 'abc%zz', 'invalid_callback'],
      ['abc%25 (a valid escape of "%")', () => 'abc%25', 'state_not_found'],
      ['<ours>%25', (ours) => `${ours}%25`, 'state_not_found'],
      ['<ours>%2525', (ours) => `${ours}%2525`, 'state_not_found'],
      ['%25<ours>', (ours) => `%25${ours}`, 'state_not_found'],
    ];
    for (const [name, state, code] of cases) {
      it(`state=${name} → ${code}, a FreedomIdError, never a URIError`, async () => {
        const { client } = makeClient();
        const { state: ours } = await startSignIn(client);

        // rejection() fails on anything but a FreedomIdError: a raw URIError included.
        const error = await rejection(() =>
          client.handleCallback(`${REDIRECT_URI}?code=c&state=${state(ours)}`),
        );

        expect(error.code).to.equal(code);
        expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${ours}`]);
      });
    }

    it('an error callback with state=abc%25 → provider_error, unverified, never a URIError', async () => {
      const { client } = makeClient();
      const error = await rejection(() =>
        client.handleCallback(`${REDIRECT_URI}?error=access_denied&state=abc%25`),
      );
      expect([error.code, error.verified]).to.deep.equal(['provider_error', false]);
    });
  });

  describe('WebStorageStateStore.remove lets two readers take one state', () => {
    it('two return-page calls for one state in the same tick → exactly one succeeds', async () => {
      const { client: first } = makeClient();
      const { client: second } = makeClient();
      const { state } = await startSignIn(first);
      const href = `${REDIRECT_URI}?code=c&state=${state}`;

      const outcomes = await Promise.allSettled([
        first.handleCallback(href),
        second.handleCallback(href),
      ]);

      expect(outcomes.map(({ status }) => status)).to.deep.equal(['fulfilled', 'rejected']);
      expect((await rejection(outcomes[1])).code).to.equal('state_not_found');
    });

    it('ten handlers in the same tick, over local storage → exactly one succeeds', async () => {
      const clients = Array.from({ length: 10 }, () => makeClient({ storage: 'local' }).client);
      const { state } = await startSignIn(clients[0]);
      const href = `${REDIRECT_URI}?code=c&state=${state}`;

      const outcomes = await Promise.allSettled(
        clients.map((client) => client.handleCallback(href)),
      );

      expect(outcomes.filter(({ status }) => status === 'fulfilled')).to.have.length(1);
      expect(storedEntries(localStorage)).to.deep.equal({});
    });
  });
});
