import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import type { CallbackResult } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import { bigReply, makeClient, rejection } from '../helpers/sdk.js';

const result: CallbackResult = {
  code: 'auth-code',
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  redirectUri: 'https://shop.example/login',
  appState: { never: 'sent' },
};
const BACKEND = '/api/freedomid/callback';

describe('FreedomIdClient.sendToBackend', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
  });

  it('POSTs exactly { code, state, nonce, codeVerifier, redirectUri } as JSON and returns the reply', async () => {
    const seen: { body: unknown; contentType: string | null; method: string }[] = [];
    worker.use(
      http.post(BACKEND, async ({ request }) => {
        seen.push({
          body: await request.json(),
          contentType: request.headers.get('content-type'),
          method: request.method,
        });
        return HttpResponse.json({ user: { sub: 'u-1', name: 'Aigerim' } });
      }),
    );
    const reply = await makeClient().client.sendToBackend(result, BACKEND);
    expect(reply).to.deep.equal({ user: { sub: 'u-1', name: 'Aigerim' } });
    expect(seen).to.deep.equal([
      {
        body: {
          code: 'auth-code',
          state: 'state-1',
          nonce: 'nonce-1',
          codeVerifier: 'verifier-1',
          redirectUri: 'https://shop.example/login',
        },
        contentType: 'application/json',
        method: 'POST',
      },
    ]);
  });

  it('POSTs to the configured backendUrl when given no URL', async () => {
    const seen: string[] = [];
    worker.use(
      http.post(BACKEND, ({ request }) => {
        seen.push(request.url);
        return HttpResponse.json({ ok: true });
      }),
    );
    const { client } = makeClient({ backendUrl: BACKEND });
    expect(await client.sendToBackend(result)).to.deep.equal({ ok: true });
    expect(seen).to.deep.equal([`${location.origin}${BACKEND}`]);
  });

  it('without a URL or a configured backendUrl → invalid_argument, and nothing is sent', async () => {
    const error = await rejection(() => makeClient().client.sendToBackend(result));
    expect(error.toJSON()).to.deep.equal({
      code: 'invalid_argument',
      message: 'sendToBackend has no URL: pass one, or set backendUrl.',
    });
  });

  it('sends extra headers', async () => {
    let csrf: string | null = null;
    worker.use(
      http.post(BACKEND, ({ request }) => {
        csrf = request.headers.get('x-csrf-token');
        return HttpResponse.json({ ok: true });
      }),
    );
    await makeClient().client.sendToBackend(result, BACKEND, {
      headers: { 'x-csrf-token': 't0k' },
    });
    expect(csrf).to.equal('t0k');
  });

  it('an HTTP 200 reply with an "error" key → backend_error', async () => {
    const body = { error: { message: 'Invalid authorization_code', code: 100101 } };
    worker.use(http.post(BACKEND, () => HttpResponse.json(body)));
    const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));
    expect(error.code).to.equal('backend_error');
    expect(error.status).to.equal(200);
    expect(error.response).to.deep.equal(body);
  });

  for (const status of [400, 401, 403, 404, 500, 502, 503]) {
    it(`HTTP ${status} → backend_error with the status and reply`, async () => {
      worker.use(http.post(BACKEND, () => HttpResponse.json({ message: 'nope' }, { status })));
      const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));
      expect(error.code).to.equal('backend_error');
      expect(error.status).to.equal(status);
      expect(error.response).to.deep.equal({ message: 'nope' });
      expect(error.message).to.contain(`HTTP ${status}`);
    });
  }

  describe("when the backend is freedomid-web/server's handler", () => {
    it('carries its error code and message in the detail and the message, as text', async () => {
      const reply = {
        error: 'state_mismatch',
        message: 'No sign-in pending in this browser has this state: start the sign-in again.',
      };
      worker.use(http.post(BACKEND, () => HttpResponse.json(reply, { status: 400 })));

      const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));

      expect(error.toJSON()).to.deep.equal({
        code: 'backend_error',
        message: `The backend at ${BACKEND} answered HTTP 400 (state_mismatch: No sign-in pending in this browser has this state: start the sign-in again.): check its logs.`,
        status: 400,
        response: reply,
        backendError: 'state_mismatch',
        backendMessage:
          'No sign-in pending in this browser has this state: start the sign-in again.',
      });
    });

    it('cuts a long code and message, and keeps markup as the text it is', async () => {
      const markup = `<img src=x onerror=alert(1)>${'m'.repeat(400)}`;
      worker.use(
        http.post(BACKEND, () =>
          HttpResponse.json({ error: 'e'.repeat(100), message: markup }, { status: 500 }),
        ),
      );

      const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));

      expect(error.backendError).to.equal(`${'e'.repeat(63)}…`);
      expect(error.backendMessage).to.equal(`${markup.slice(0, 299)}…`);
      expect(error.backendMessage?.length).to.equal(300);
    });

    const notText: { title: string; body: Record<string, unknown> }[] = [
      { title: 'an error object (Freedom ID-style)', body: { error: { code: 100101 } } },
      { title: 'a numeric error and message', body: { error: 7, message: 8 } },
      { title: 'an empty error and message', body: { error: '', message: '' } },
    ];
    for (const { title, body } of notText) {
      it(`leaves both out for ${title}`, async () => {
        worker.use(http.post(BACKEND, () => HttpResponse.json(body, { status: 400 })));

        const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));

        expect(error.toJSON()).to.deep.equal({
          code: 'backend_error',
          message: `The backend at ${BACKEND} answered HTTP 400: check its logs.`,
          status: 400,
          response: body,
        });
      });
    }
  });

  it('a 2xx reply that is not JSON → backend_error carrying the text', async () => {
    worker.use(http.post(BACKEND, () => HttpResponse.text('<html>login</html>')));
    const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));
    expect(error.code).to.equal('backend_error');
    expect(error.response).to.equal('<html>login</html>');
  });

  it('a network failure → network_error', async () => {
    worker.use(http.post(BACKEND, () => HttpResponse.error()));
    const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));
    expect(error.code).to.equal('network_error');
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('no reply within timeoutMs → timeout', async () => {
    worker.use(
      http.post(BACKEND, async () => {
        await delay(2000);
        return HttpResponse.json({ late: true });
      }),
    );
    const error = await rejection(() =>
      makeClient().client.sendToBackend(result, BACKEND, { timeoutMs: 50 }),
    );
    expect(error.code).to.equal('timeout');
    expect(error.message).to.contain('50 ms');
  });

  for (const [name, chunked] of [
    ['with a content-length', false],
    ['chunked, without a content-length', true],
  ] as const) {
    it(`a reply over 65,536 bytes (${name}) → invalid_response, never read whole`, async () => {
      const body = JSON.stringify({ profile: 'x'.repeat(1 << 20) });
      worker.use(http.post(BACKEND, () => bigReply(body, chunked)));
      const error = await rejection(() => makeClient().client.sendToBackend(result, BACKEND));
      expect(error.toJSON()).to.deep.equal({
        code: 'invalid_response',
        message: `The backend at ${BACKEND} sent a reply over 65536 bytes, which the SDK does not read: answer with the small JSON documented.`,
        status: 200,
      });
    });
  }
});
