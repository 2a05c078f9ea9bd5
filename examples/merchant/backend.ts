// The example merchant's backend: one node:http handler for POST /api/freedomid/callback.
// In your project: import { exchangeCode, isFreedomIdServerError } from 'freedomid-web/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exchangeCode, isFreedomIdServerError } from '../../src/server/index.js';

/** What the backend knows; in production, from the environment. */
export interface CallbackConfig {
  clientId: string;
  /** Issued by Freedom ID support; never in a page. */
  clientSecret: string;
  /** The redirect URIs registered with Freedom ID; a hand-off naming any other is refused. */
  redirectUris: readonly string[];
  /** Leave out in production: `exchangeCode`'s defaults are Freedom ID's. */
  issuer?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  timeoutMs?: number;
  /** Where a failed sign-in is logged with its exact cause. Default `console.warn`. */
  log?: (message: string) => void;
}

/** The signed-in user, as the page shows it. */
export interface SignedInUser {
  sub: string;
  name: string | null;
  email: string | null;
}

/** What the page receives: the user, or one of three error codes (details stay in the server log). */
export type CallbackReply =
  { user: SignedInUser } | { error: 'bad_request' | 'sign_in_failed' | 'freedom_id_unavailable' };

/**
 * Returns the handler of `POST /api/freedomid/callback`: takes the SDK's hand-off
 * `{ code, state, nonce, codeVerifier?, redirectUri }`, exchanges the code with Freedom ID and
 * answers `{ user }`. A real backend would then start its own session for `user.sub`.
 */
export function createCallbackHandler(
  config: CallbackConfig,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const handOff = await readHandOff(req);
    if (handOff === null || !config.redirectUris.includes(handOff.redirectUri)) {
      reply(res, 400, { error: 'bad_request' });
      return;
    }
    try {
      const { claims } = await exchangeCode({
        ...handOff,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        ...(config.issuer === undefined ? {} : { issuer: config.issuer }),
        ...(config.tokenEndpoint === undefined ? {} : { tokenEndpoint: config.tokenEndpoint }),
        ...(config.jwksUri === undefined ? {} : { jwksUri: config.jwksUri }),
        ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
      });
      const text = (value: unknown) => (typeof value === 'string' ? value : null);
      reply(res, 200, {
        user: { sub: claims.sub, name: text(claims.name), email: text(claims.email) },
      });
    } catch (error) {
      if (!isFreedomIdServerError(error)) throw error;
      (config.log ?? console.warn)(`Freedom ID sign-in failed: ${error.code}: ${error.message}`);
      const unavailable =
        error.code === 'network_error' ||
        error.code === 'timeout' ||
        (error.status !== undefined && error.status >= 500);
      reply(res, unavailable ? 502 : 401, {
        error: unavailable ? 'freedom_id_unavailable' : 'sign_in_failed',
      });
    }
  };
}

interface HandOff {
  code: string;
  nonce: string;
  redirectUri: string;
  codeVerifier?: string;
}

/** The SDK's hand-off from a JSON body, or null when it is not one. */
async function readHandOff(req: IncomingMessage): Promise<HandOff | null> {
  if (
    req.method !== 'POST' ||
    !String(req.headers['content-type']).startsWith('application/json')
  ) {
    return null;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { code, nonce, redirectUri, codeVerifier } = body as Record<string, unknown>;
  if (typeof code !== 'string' || typeof nonce !== 'string' || typeof redirectUri !== 'string') {
    return null;
  }
  return {
    code,
    nonce,
    redirectUri,
    ...(typeof codeVerifier === 'string' ? { codeVerifier } : {}),
  };
}

function reply(res: ServerResponse, status: number, body: CallbackReply): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
