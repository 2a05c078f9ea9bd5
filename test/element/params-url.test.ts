import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { http, HttpResponse } from 'msw';
import { fetchAuthParams } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import {
  CLIENT_ID,
  clearEntries,
  mount,
  record,
  rejection,
  signIn,
  storedEntries,
  unmountAll,
} from '../helpers/element.js';

const PARAMS = '/api/freedomid/params';
const STATE = 'state-made-by-the-backend-0001';
const NONCE = 'nonce-made-by-the-backend-0001';

describe('<freedomid-login>', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
    unmountAll();
    clearEntries();
  });

  describe('when params-url is set', () => {
    it('GETs state and nonce from it and puts exactly those in the authorization URL', async () => {
      const requests: [string, string | null][] = [];
      worker.use(
        http.get(PARAMS, ({ request }) => {
          requests.push([request.method, request.headers.get('accept')]);
          return HttpResponse.json({ state: STATE, nonce: NONCE });
        }),
      );
      const mounted = await mount({ 'client-id': CLIENT_ID, 'params-url': PARAMS });
      const url = await signIn(mounted);
      expect([url.searchParams.get('state'), url.searchParams.get('nonce')]).to.deep.equal([
        STATE,
        NONCE,
      ]);
      expect(requests).to.deep.equal([['GET', 'application/json']]);
      expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${STATE}`]);
    });

    const failures: [string, () => Response, string][] = [
      [
        'the backend answers HTTP 500',
        () => new HttpResponse('oops', { status: 500 }),
        'backend_error',
      ],
      [
        'the values are too short to be unguessable',
        () => HttpResponse.json({ state: 'short', nonce: NONCE }),
        'invalid_config',
      ],
    ];
    for (const [when, reply, code] of failures) {
      it(`dispatches freedomid-error with ${code} when ${when}, and is ready again`, async () => {
        worker.use(http.get(PARAMS, reply));
        const expected = await rejection(() => fetchAuthParams(PARAMS));
        const errors = record('freedomid-error');
        const redirects = record('freedomid-redirect');
        const { button, navigations } = await mount({
          'client-id': CLIENT_ID,
          'params-url': PARAMS,
        });
        button.click();
        await waitUntil(() => errors.events.length === 1, 'no freedomid-error');
        errors.stop();
        redirects.stop();
        expect(errors.events[0].detail).to.deep.equal({ ...expected.toJSON(), code });
        expect([button.disabled, button.getAttribute('aria-busy')]).to.deep.equal([false, null]);
        expect([navigations.length, redirects.events.length]).to.deep.equal([0, 0]);
        expect(storedEntries()).to.deep.equal({});
      });
    }
  });
});
