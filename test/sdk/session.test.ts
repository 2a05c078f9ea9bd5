import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { FreedomIdSession, SessionChange } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import { waitUntil } from '../helpers/wait.js';
import { makeClient, rejection, thrown } from '../helpers/sdk.js';

// A path of this file's own: the test runner runs files side by side in pages of one origin,
// whose BroadcastChannel messages would otherwise reach this file's listeners.
const SESSION_URL = '/api/sdk-session-test/session';
const LOGOUT_URL = '/api/sdk-session-test/logout';
const BACKEND = '/api/sdk-session-test/callback';
const SESSION: FreedomIdSession = {
  sub: 'u-1',
  data: { name: 'Aigerim' },
  createdAt: 1_700_000_000_000,
  expiresAt: 1_700_604_800_000,
  idleExpiresAt: 1_700_086_400_000,
};
const RESULT = { code: 'c', state: 's', nonce: 'n', redirectUri: 'https://shop.example/login' };

/** Collects the changes a client hears until `stop()`. */
function listen(sessionUrl = SESSION_URL): { changes: SessionChange[]; stop: () => void } {
  const changes: SessionChange[] = [];
  const stop = makeClient({ sessionUrl }).client.onSessionChange((change) => {
    changes.push(change);
  });
  return { changes, stop };
}

describe('FreedomIdClient sessions (sessionUrl)', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
  });

  describe('getSession', () => {
    it('GETs sessionUrl with same-origin credentials and resolves with exactly the session', async () => {
      const seen: [string, string, RequestCredentials][] = [];
      worker.use(
        http.get(SESSION_URL, ({ request }) => {
          seen.push([request.method, request.url, request.credentials]);
          return HttpResponse.json({ session: SESSION });
        }),
      );
      const session = await makeClient({ sessionUrl: SESSION_URL }).client.getSession();
      expect(session).to.deep.equal(SESSION);
      expect(seen).to.deep.equal([['GET', `${location.origin}${SESSION_URL}`, 'same-origin']]);
    });

    it('resolves null for { session: null }', async () => {
      worker.use(http.get(SESSION_URL, () => HttpResponse.json({ session: null })));
      expect(await makeClient({ sessionUrl: SESSION_URL }).client.getSession()).to.equal(null);
    });

    for (const [name, reply] of [
      ['no session key', {}],
      ['a session without sub', { session: { data: {} } }],
      ['an empty sub', { session: { sub: '' } }],
      ['a numeric sub', { session: { sub: 7 } }],
      ['an array', []],
    ] as const) {
      it(`rejects ${name} with invalid_response`, async () => {
        worker.use(http.get(SESSION_URL, () => HttpResponse.json(reply)));
        const error = await rejection(() =>
          makeClient({ sessionUrl: SESSION_URL }).client.getSession(),
        );
        expect([error.code, error.message]).to.deep.equal([
          'invalid_response',
          `The backend at ${location.origin}${SESSION_URL} did not answer { session: { sub, … } | null }: point sessionUrl at the handler's {basePath}/session.`,
        ]);
      });
    }

    it("rejects the handler's 503 with backend_error and its code", async () => {
      const reply = { error: 'store_unavailable', message: 'The session store failed.' };
      worker.use(http.get(SESSION_URL, () => HttpResponse.json(reply, { status: 503 })));
      const error = await rejection(() =>
        makeClient({ sessionUrl: SESSION_URL }).client.getSession(),
      );
      expect([error.code, error.status, error.backendError]).to.deep.equal([
        'backend_error',
        503,
        'store_unavailable',
      ]);
    });

    it('rejects an unreachable backend with network_error', async () => {
      worker.use(http.get(SESSION_URL, () => HttpResponse.error()));
      const error = await rejection(() =>
        makeClient({ sessionUrl: SESSION_URL }).client.getSession(),
      );
      expect(error.code).to.equal('network_error');
    });
  });

  describe('signOut', () => {
    it('POSTs exactly {} as JSON to logout beside sessionUrl and resolves {}', async () => {
      const seen: unknown[] = [];
      worker.use(
        http.post(LOGOUT_URL, async ({ request }) => {
          seen.push([request.url, request.headers.get('content-type'), await request.json()]);
          return HttpResponse.json({ signedOut: true });
        }),
      );
      expect(await makeClient({ sessionUrl: SESSION_URL }).client.signOut()).to.deep.equal({});
      expect(seen).to.deep.equal([[`${location.origin}${LOGOUT_URL}`, 'application/json', {}]]);
    });

    it("resolves with the provider's logoutUrl when the backend sends one", async () => {
      const logoutUrl = 'https://id.example/logout?client_id=c&id_token_hint=t';
      worker.use(http.post(LOGOUT_URL, () => HttpResponse.json({ signedOut: true, logoutUrl })));
      expect(await makeClient({ sessionUrl: SESSION_URL }).client.signOut()).to.deep.equal({
        logoutUrl,
      });
    });

    it("rejects the handler's refusal with backend_error and tells no page", async () => {
      const reply = { error: 'origin_mismatch', message: 'Post from the page’s origin.' };
      worker.use(http.post(LOGOUT_URL, () => HttpResponse.json(reply, { status: 403 })));
      const other = listen();
      const error = await rejection(() => makeClient({ sessionUrl: SESSION_URL }).client.signOut());
      // A second, successful sign-out: the listener hears exactly that one.
      worker.use(http.post(LOGOUT_URL, () => HttpResponse.json({ signedOut: true })));
      await makeClient({ sessionUrl: SESSION_URL }).client.signOut();
      await waitUntil(() => other.changes.length > 0);
      other.stop();
      expect([error.code, error.backendError, other.changes]).to.deep.equal([
        'backend_error',
        'origin_mismatch',
        ['signed-out'],
      ]);
    });
  });

  describe('onSessionChange', () => {
    it('hears signed-in after sendToBackend and signed-out after signOut, from another client', async () => {
      worker.use(
        http.post(BACKEND, () => HttpResponse.json({ ok: true })),
        http.post(LOGOUT_URL, () => HttpResponse.json({ signedOut: true })),
      );
      const other = listen();
      const elsewhere = listen('/api/other/session');
      const { client } = makeClient({ sessionUrl: SESSION_URL, backendUrl: BACKEND });
      await client.sendToBackend(RESULT);
      await client.signOut();
      await waitUntil(() => other.changes.length === 2);
      other.stop();
      elsewhere.stop();
      expect([other.changes, elsewhere.changes]).to.deep.equal([['signed-in', 'signed-out'], []]);
    });

    it('stops hearing once stopped', async () => {
      worker.use(http.post(LOGOUT_URL, () => HttpResponse.json({ signedOut: true })));
      const stopped = listen();
      stopped.stop();
      const still = listen();
      await makeClient({ sessionUrl: SESSION_URL }).client.signOut();
      await waitUntil(() => still.changes.length === 1);
      still.stop();
      expect(stopped.changes).to.deep.equal([]);
    });

    it('announces nothing from sendToBackend without sessionUrl', async () => {
      worker.use(
        http.post(BACKEND, () => HttpResponse.json({ ok: true })),
        http.post(LOGOUT_URL, () => HttpResponse.json({ signedOut: true })),
      );
      const other = listen();
      await makeClient().client.sendToBackend(RESULT, BACKEND);
      await makeClient({ sessionUrl: SESSION_URL }).client.signOut();
      await waitUntil(() => other.changes.length > 0);
      other.stop();
      expect(other.changes).to.deep.equal(['signed-out']);
    });
  });

  describe('without sessionUrl', () => {
    it('getSession, signOut and onSessionChange fail with invalid_argument', async () => {
      const { client } = makeClient();
      const errors = [
        await rejection(() => client.getSession()),
        await rejection(() => client.signOut()),
        thrown(() => client.onSessionChange(() => undefined)),
      ];
      expect(errors.map(({ code, message }) => [code, message])).to.deep.equal(
        Array(3).fill([
          'invalid_argument',
          'This needs the session route: set sessionUrl, e.g. /api/freedomid/session.',
        ]),
      );
    });
  });

  describe('the sessionUrl option', () => {
    it('resolves a relative URL against the page', () => {
      expect(makeClient({ sessionUrl: SESSION_URL }).client.config.sessionUrl?.href).to.equal(
        `${location.origin}${SESSION_URL}`,
      );
    });

    for (const value of ['javascript:alert(1)', '', 'ftp://shop.example/session']) {
      it(`refuses ${JSON.stringify(value)} with invalid_config naming sessionUrl`, () => {
        const error = thrown(() => makeClient({ sessionUrl: value }));
        expect([error.code, error.field, error.message]).to.deep.equal([
          'invalid_config',
          'sessionUrl',
          `sessionUrl ${JSON.stringify(value)} must be an http(s) URL, e.g. /api/freedomid/session.`,
        ]);
      });
    }
  });
});
