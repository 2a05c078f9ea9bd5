// The handler's contract (contract-cases.mjs) in workerd, as `workerd test` runs a worker's `test`
// handler; runtimes.node.test.ts bundles this file with esbuild. workerd has no MSW interceptors,
// so fetch is answered by the testing kit's MSW handlers directly (msw's getResponse), and no
// localStorage, which MSW's cookie store reads when it loads: the bundle starts with workerd-shim.mjs.
import { getResponse } from 'msw';
import { freedomIdHandlers } from '../../dist/testing.js';
import { CLIENT_ID, CLIENT_SECRET, runCases } from './contract-cases.mjs';

export default {
  async test() {
    const handlers = freedomIdHandlers({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    globalThis.fetch = async (input, init) =>
      (await getResponse(handlers, new Request(input, init))) ??
      new Response(`No testing-kit handler for ${String(input)}`, { status: 599 });
    const { passed, failed } = await runCases();
    if (failed > 0 || passed === 0) throw new Error(`${failed} of ${passed + failed} cases failed`);
  },
};
