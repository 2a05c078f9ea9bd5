// The handler's contract (contract-cases.mjs) in Node, Bun or Deno, Freedom ID faked by the testing
// kit through MSW's interceptors: `<runtime> test/runtimes/handler-contract.mjs`; exits 1 when a case failed.
import { setupServer } from 'msw/node';
import { freedomIdHandlers } from '../../dist/testing.js';
import { CLIENT_ID, CLIENT_SECRET, runCases } from './contract-cases.mjs';

const server = setupServer(
  ...freedomIdHandlers({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
);
server.listen({ onUnhandledRequest: 'error' });
const { passed, failed } = await runCases();
server.close();
// Exits at once: under Deno 2.9 something (MSW's interceptors, seen only there) keeps the process alive after close().
process.exit(failed > 0 || passed === 0 ? 1 : 0);
