// Web Storage is not trusted as read back (issue 12): a stored request is re-checked when the
// callback takes it, so an entry altered by another script on the origin cannot send the user
// off-site after sign-in or outlive its TTL.
import { expect } from '@open-wc/testing';
import {
  REDIRECT_URI,
  clearEntries,
  makeClient,
  startSignIn,
  storedEntries,
  rejection,
} from '../helpers/security.js';

/** Rewrites the stored entry of `state` with `change` applied. */
function alter(state: string, change: (entry: Record<string, unknown>) => void): void {
  const key = `freedomid.${state}`;
  const entry = storedEntries()[key];
  change(entry);
  sessionStorage.setItem(key, JSON.stringify(entry));
}

const now = () => Math.floor(Date.now() / 1000);

describe('A stored sign-in request, when the callback reads it back', () => {
  afterEach(() => {
    clearEntries();
  });

  const returnTos: unknown[] = [
    '//evil.test/phish',
    'https://evil.test/phish',
    '/\\evil.test',
    'javascript:alert(1)',
    '/..//evil.test',
    42,
  ];
  for (const returnTo of returnTos) {
    it(`a returnTo altered to ${JSON.stringify(returnTo)} → state_not_found, nothing handed on`, async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client, { returnTo: '/checkout' });
      alter(state, (entry) => {
        entry['data'] = { returnTo };
      });

      const error = await rejection(() =>
        client.handleCallback(`${REDIRECT_URI}?code=c&state=${state}`),
      );

      expect(error.code).to.equal('state_not_found');
      expect(error.message).to.contain('was altered');
      expect(storedEntries()).to.deep.equal({});
    });
  }

  const futures: [string, number][] = [
    ['an hour', 3600],
    ['61 s (past the 60 s allowed for a clock set back)', 61],
  ];
  for (const [name, ahead] of futures) {
    it(`a created time ${name} in the future → state_expired`, async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      alter(state, (entry) => {
        entry['created'] = now() + ahead;
      });

      const error = await rejection(() =>
        client.handleCallback(`${REDIRECT_URI}?code=c&state=${state}`),
      );

      expect(error.code).to.equal('state_expired');
      expect(error.message).to.contain('in the future');
      expect(storedEntries()).to.deep.equal({});
    });
  }

  it('a created time in the future is swept when the next sign-in starts', async () => {
    const { client } = makeClient();
    const { state } = await startSignIn(client);
    alter(state, (entry) => {
      entry['created'] = now() + 3600;
    });
    const { state: next } = await startSignIn(client);
    expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${next}`]);
  });

  it('a record copied under another state → state_not_found, its nonce never handed on', async () => {
    const { client } = makeClient();
    const first = await startSignIn(client);
    const second = await startSignIn(client);
    sessionStorage.setItem(
      `freedomid.${second.state}`,
      sessionStorage.getItem(`freedomid.${first.state}`) ?? '',
    );

    const error = await rejection(() =>
      client.handleCallback(`${REDIRECT_URI}?code=c&state=${second.state}`),
    );

    expect(error.code).to.equal('state_not_found');
    expect(error.message).to.contain('filed under another state');
  });

  const malformed: [string, (entry: Record<string, unknown>) => void][] = [
    ['a created time of 0', (entry) => (entry['created'] = 0)],
    ['a created time as a string', (entry) => (entry['created'] = String(now()))],
    ['no nonce', (entry) => delete entry['nonce']],
    ['a numeric code_verifier', (entry) => (entry['code_verifier'] = 42)],
  ];
  for (const [name, change] of malformed) {
    it(`${name} → state_not_found, never accepted`, async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      alter(state, change);

      const error = await rejection(() =>
        client.handleCallback(`${REDIRECT_URI}?code=c&state=${state}`),
      );

      expect(error.code).to.equal('state_not_found');
    });
  }
});
