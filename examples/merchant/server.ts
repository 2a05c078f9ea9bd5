// Runs the example backend on node:http: `node --import tsx examples/merchant/server.ts`.
// In your project: import { toNodeListener } from 'freedomid-web/server';
import { createServer } from 'node:http';
import { toNodeListener } from '../../src/server/index.js';
import { createBackend } from './backend.js';

const { FREEDOMID_CLIENT_ID, FREEDOMID_CLIENT_SECRET, FREEDOMID_COOKIE_SECRET } = process.env;
if (!FREEDOMID_CLIENT_ID || !FREEDOMID_CLIENT_SECRET || !FREEDOMID_COOKIE_SECRET) {
  throw new Error('Set FREEDOMID_CLIENT_ID, FREEDOMID_CLIENT_SECRET and FREEDOMID_COOKIE_SECRET.');
}
const backend = toNodeListener(
  createBackend({
    clientId: FREEDOMID_CLIENT_ID,
    clientSecret: FREEDOMID_CLIENT_SECRET,
    cookieSecret: FREEDOMID_COOKIE_SECRET,
    redirectUri: 'https://shop.example/login',
  }),
);
createServer((req, res) => {
  backend(req, res);
}).listen(3000);
