// The example merchant's sign-in page, end to end in the browser: the real <freedomid-login>,
// Freedom ID played by the kit's simulator, the merchant backend played by MSW (its real code is
// tested in Node: merchant-backend.node.test.ts).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { http, HttpResponse } from 'msw';
import { readCode, simulateSignIn, type SignInOutcome } from '../../src/testing/index.js';
import { renderLoginPage } from '../../examples/merchant/login-page.js';
import type { CallbackReply } from '../../examples/merchant/backend.js';
import { startWorker, worker } from '../mocks/browser.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const REDIRECT_URI = `${location.origin}/login`;
const PAGE_URL = location.href;

/** The backend as the page sees it: `/params` binds a sign-in, `/callback` answers the user it vouches for. */
function backend(hand: { offs: Record<string, unknown>[]; issued: Map<string, string> }) {
  return [
    http.get('/api/freedomid/params', () => {
      const state = crypto.randomUUID() + crypto.randomUUID();
      const nonce = crypto.randomUUID() + crypto.randomUUID();
      hand.issued.set(state, nonce);
      return HttpResponse.json({ state, nonce });
    }),
    http.post('/api/freedomid/callback', async ({ request }) => {
      const handOff = (await request.json()) as { code: string; state: string };
      hand.offs.push(handOff);
      // The real handler uses the nonce it bound to this state, never one from the body.
      const nonce = hand.issued.get(handOff.state);
      const signedIn = readCode(handOff.code);
      if (nonce === undefined || signedIn === null || signedIn.nonce !== nonce) {
        return HttpResponse.json(
          { error: 'state_mismatch', message: 'start again' } satisfies CallbackReply,
          { status: 400 },
        );
      }
      const { sub, name = null, email = null } = signedIn.claims;
      return HttpResponse.json({ user: { sub, name, email } } satisfies CallbackReply);
    }),
  ];
}

/** Opens the page, as the browser does before and after the trip to Freedom ID. */
function openPage(): HTMLElement {
  document.querySelector('[data-test-page]')?.remove();
  const root = document.createElement('main');
  root.dataset.testPage = '';
  document.body.append(root);
  renderLoginPage(root, { clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
  return root;
}

/** Clicks "Sign in with Freedom ID" and comes back from Freedom ID with `outcome`. */
async function signIn(outcome: SignInOutcome, user = 'aigerim'): Promise<URL> {
  const flow = simulateSignIn();
  const stop = flow.listen();
  const page = openPage();
  const button = page.querySelector('freedomid-login');
  await button?.updateComplete; // rendered
  button?.shadowRoot?.querySelector('button')?.click();
  const authorizationUrl = await flow.redirected();
  stop();
  flow.arrive({ outcome, user });
  openPage();
  return authorizationUrl;
}

/** The status line once the sign-in has ended, as [state, text]. */
async function status(): Promise<[string, string]> {
  const line = () => document.querySelector<HTMLElement>('[data-test-page] [role="status"]');
  await waitUntil(() => line()?.dataset.status !== 'idle', 'the sign-in never ended');
  return [line()?.dataset.status ?? '', line()?.textContent ?? ''];
}

describe('the example merchant sign-in page', () => {
  const hand = { offs: [] as Record<string, unknown>[], issued: new Map<string, string>() };
  before(() => startWorker());
  beforeEach(() => {
    hand.offs = [];
    hand.issued.clear();
    worker.use(...backend(hand));
  });
  afterEach(() => {
    worker.resetHandlers();
    document.querySelector('[data-test-page]')?.remove();
    history.replaceState(null, '', PAGE_URL);
    sessionStorage.clear();
  });

  describe('when the user signs in', () => {
    it('asks Freedom ID for the profile and email of its client, back to the page', async () => {
      const url = await signIn('success');

      expect(url.origin + url.pathname).to.equal('https://passport.freedompay.kz/openid');
      expect(url.searchParams.get('client_id')).to.equal(CLIENT_ID);
      expect(url.searchParams.get('scope')).to.equal('openid read.profile read.email');
      expect(url.searchParams.get('redirect_uri')).to.equal(REDIRECT_URI);
      expect((await status())[0]).to.equal('signed-in');
    });

    for (const [user, name] of [
      ['aigerim', 'Aigerim Seitkali'],
      ['daniyar', 'Daniyar Bekov'],
    ]) {
      it(`shows who signed in (${user}), with the state and nonce the backend made`, async () => {
        const url = await signIn('success', user);

        expect(await status()).to.deep.equal(['signed-in', `Signed in as ${name}.`]);
        expect(hand.offs).to.have.length(1);
        const state = url.searchParams.get('state') ?? '';
        expect(hand.offs[0].state).to.equal(state);
        expect(url.searchParams.get('nonce')).to.equal(hand.issued.get(state));
        expect(location.href).to.equal(REDIRECT_URI);
      });
    }
  });

  describe('when the sign-in does not succeed', () => {
    const cases: [SignInOutcome, string][] = [
      ['denied', 'You cancelled the sign-in.'],
      ['error_code', 'Freedom ID could not sign you in. Please try again.'],
      ['tampered_state', 'This sign-in link is no longer valid. Please start again.'],
    ];
    for (const [outcome, text] of cases) {
      it(`${outcome}: says "${text}" and never calls the backend`, async () => {
        await signIn(outcome);

        expect(await status()).to.deep.equal(['error', text]);
        expect(hand.offs).to.deep.equal([]);
      });
    }

    for (const [httpStatus, error] of [
      [502, 'provider_unavailable'],
      [504, 'provider_timeout'],
    ] as const) {
      it(`Freedom ID down (the backend answers ${httpStatus} ${error}): asks to retry later`, async () => {
        worker.use(
          http.post('/api/freedomid/callback', () =>
            HttpResponse.json({ error, message: 'try again later' } satisfies CallbackReply, {
              status: httpStatus,
            }),
          ),
        );

        await signIn('success');

        expect(await status()).to.deep.equal([
          'error',
          'Freedom ID is not answering. Please try again in a minute.',
        ]);
      });
    }
  });
});
