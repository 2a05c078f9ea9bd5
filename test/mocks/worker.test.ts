// The shared MSW worker keeps mocking a page for its whole life, whatever other test pages do
// (test/mocks/browser.ts says why a page never tells the worker it is closing).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startWorker, worker } from './browser.js';

describe('the shared MSW worker', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
  });

  it('controls the page once started', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).to.equal(
      `${location.origin}/mockServiceWorker.js`,
    );
  });

  it('still answers from this page’s handlers after a beforeunload (the worker is never told to let go)', async () => {
    worker.use(http.get('/__worker-probe', () => HttpResponse.json({ mocked: true })));

    window.dispatchEvent(new Event('beforeunload'));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const reply = await fetch('/__worker-probe');
      statuses.push(reply.status);
      expect(await reply.json().catch(() => null)).to.deep.equal({ mocked: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(statuses).to.deep.equal(Array<number>(10).fill(200));
    expect(navigator.serviceWorker.controller).to.not.equal(null);
  });
});
