// Signing a TestBrowser in through the handler, for the session, logout and store tests.
import {
  createFreedomIdHandler,
  HANDLER_ERRORS,
  type FreedomIdHandler,
  type FreedomIdHandlerOptions,
  type HandlerErrorCode,
} from '../../src/server/index.js';
import { after, afterEach, before } from 'node:test';
import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { clearDiscoveryCache } from '../../src/server/index.js';
import { mintCode } from '../../src/testing/index.js';
import { PAGE_ORIGIN, send, TestBrowser } from './browser.js';
import { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, SCOPE } from './fixtures.js';

export const SECRET = 'a-cookie-secret-of-at-least-32-bytes!';
export const OTHER_SECRET = 'another-cookie-secret-of-32-bytes-or-more';

/** The errors the handlers made by {@link sessionHandler} reported, in order. */
export const reported: unknown[] = [];

/** An MSW server answering `handlers` for this file's tests: handlers, discovery cache and {@link reported} reset after each. */
export function useProviderServer(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  before(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
    clearDiscoveryCache();
    reported.length = 0;
  });
  after(() => {
    server.close();
  });
  return server;
}

/** A handler with sessions on (overridable), answering `{ user: { sub } }` from onSignIn. */
export function sessionHandler(overrides: Partial<FreedomIdHandlerOptions> = {}): FreedomIdHandler {
  return createFreedomIdHandler({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    cookieSecret: SECRET,
    session: true,
    onSignIn: (claims) => ({ user: { sub: claims.sub } }),
    onError: (error) => void reported.push(error),
    ...overrides,
  });
}

/** Signs `browser` in as `user` through `/params` and `/callback`, as the element does. */
export async function signIn(
  handler: FreedomIdHandler,
  browser = new TestBrowser(),
  user = 'aigerim',
  scope = SCOPE,
): Promise<{ status: number; body: unknown; response: Response }> {
  const { body: params } = await browser.params(handler);
  const code = mintCode({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    nonce: params.nonce,
    scope,
    user,
    ...(params.codeChallenge === undefined ? {} : { codeChallenge: params.codeChallenge }),
  });
  return browser.callback(handler, { code, state: params.state, redirectUri: REDIRECT_URI });
}

/** `GET {basePath}/session` from `browser`. */
export function readSessionRoute(
  handler: FreedomIdHandler,
  browser: TestBrowser,
): ReturnType<typeof send> {
  return send(browser, handler, 'GET', '/session');
}

/** `POST {basePath}/logout` from the page, as the SDK would send it; `headers` override. */
export function logout(
  handler: FreedomIdHandler,
  browser: TestBrowser,
  headers: Record<string, string> = {},
  body = '{}',
): ReturnType<typeof send> {
  return send(browser, handler, 'POST', '/logout', {
    headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN, ...headers },
    body,
  });
}

/** The exact reply of a refusal. */
export function refusal(code: HandlerErrorCode): {
  status: number;
  body: { error: string; message: string };
} {
  const [status, message] = HANDLER_ERRORS[code];
  return {
    status,
    body: { error: code, message: message.replace('{origins}', new URL(REDIRECT_URI).origin) },
  };
}

/** The session cookie's name in the tests' secure deployment. */
export const SESSION_COOKIE = '__Host-freedomid_session';
