// The one configuration both servers of the backend table run with (bench/lib/backend-server.mjs).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BACKEND = Object.freeze({
  clientId: 'bench-client',
  clientSecret: 'bench-client-secret',
  issuer: 'https://passport.freedompay.kz',
  redirectUri: 'https://shop.example/login',
  cookieSecret: 'a-bench-cookie-secret-of-at-least-32-bytes',
  basePath: '/api/freedomid',
  /** The handler's default pendingTtlSeconds. */
  ttl: 600,
});
