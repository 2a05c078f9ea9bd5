import type { IncomingMessage, ServerResponse } from 'node:http';
import { exchangeCode, isFreedomIdServerError } from '../../src/server/index.js';

/** What the demo merchant's backend knows: its credentials and the provider's endpoints. */
export interface BackendConfig {
  clientId: string;
  /** Lives only here, never in a page. */
  clientSecret: string;
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** The redirect URIs this merchant registered; anything else is refused before the exchange. */
  redirectUris: readonly string[];
}

/**
 * The demo merchant's `POST /api/freedomid/callback`: takes the browser's hand-off
 * `{ code, state, nonce, codeVerifier, redirectUri }`, exchanges the code with `exchangeCode`
 * and answers `{ profile: claims }`, or `{ error: { code, message } }`.
 */
export async function handleCallback(
  req: IncomingMessage,
  res: ServerResponse,
  config: BackendConfig,
): Promise<void> {
  const body = await readJson(req);
  if (body === null || !config.redirectUris.includes(String(body.redirectUri))) {
    reply(res, 400, { error: { code: 'bad_request', message: 'Send the SDK hand-off as JSON.' } });
    return;
  }
  try {
    const { claims } = await exchangeCode({
      code: String(body.code),
      redirectUri: String(body.redirectUri),
      nonce: String(body.nonce),
      ...(typeof body.codeVerifier === 'string' ? { codeVerifier: body.codeVerifier } : {}),
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      tokenEndpoint: config.tokenEndpoint,
      issuer: config.issuer,
      jwksUri: config.jwksUri,
    });
    // A real backend would now find or create the user by claims.sub and start its own session.
    reply(res, 200, { profile: claims });
  } catch (error) {
    if (!isFreedomIdServerError(error)) throw error;
    const status = error.code === 'network_error' || error.code === 'timeout' ? 502 : 400;
    reply(res, status, { error: { code: error.code, message: error.message } });
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  if (!String(req.headers['content-type']).startsWith('application/json')) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
