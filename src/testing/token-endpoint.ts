import { readCode, type MintedCode } from './code.js';
import { base64DecodeText, randomAlphanumerics, s256 } from './encoding.js';
import {
  invalidCodeEnvelope,
  validationEnvelope,
  type FreedomIdErrorEnvelope,
} from './freedom-id.js';
import { signIdToken, type SigningKey } from './signing-key.js';

/** How long the kit's access tokens and id_tokens live, in seconds (the sandbox's lifetimes too). */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Freedom ID's successful token reply (REFERENCE.md §3). */
export interface TokenReplyBody {
  /** 128 letters and digits, opaque. */
  access_token: string;
  expires_in: number;
  refresh_token: string;
  token_type: 'Bearer';
  id_token: string;
}

/** A reply of the token endpoint, before it becomes an HTTP response. */
export interface TokenEndpointReply {
  status: number;
  body: TokenReplyBody | FreedomIdErrorEnvelope;
}

/** What the token endpoint checks requests against and signs with. */
export interface TokenEndpointConfig {
  clientId: string;
  clientSecret: string;
  issuer: string;
  idTokenClaims: Readonly<Record<string, unknown>> | undefined;
  signingKey: () => Promise<SigningKey>;
  /** Ids of the codes already redeemed: each code is accepted once. */
  redeemed: Set<string>;
}

/**
 * Answers a token request as Freedom ID does: HTTP Basic client authentication, a JSON body
 * `{code, redirect_uri, grant_type: "authorization_code"}` (plus `code_verifier` under PKCE),
 * one redemption per code, and Freedom ID's error envelope for everything it refuses.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function answerTokenRequest(
  request: Request,
  config: TokenEndpointConfig,
): Promise<TokenEndpointReply> {
  if (!authenticates(request.headers.get('authorization'), config)) {
    return {
      status: 401,
      body: { error: { message: 'invalid_client: client authentication failed' } },
    };
  }
  const body = await readJsonBody(request);
  const missing = ['code', 'redirect_uri', 'grant_type'].filter(
    (name) => typeof body[name] !== 'string' || body[name] === '',
  );
  if (missing.length > 0) {
    return {
      status: 400,
      body: validationEnvelope(
        Object.fromEntries(
          missing.map((name) => [name, [`The ${name} field is required (JSON body).`]]),
        ),
      ),
    };
  }
  if (body.grant_type !== 'authorization_code') {
    return {
      status: 400,
      body: validationEnvelope({ grant_type: ['The selected grant_type is invalid.'] }),
    };
  }
  const minted = readCode(body.code as string);
  if (
    minted === null ||
    config.redeemed.has(minted.id) ||
    minted.clientId !== config.clientId ||
    minted.redirectUri !== body.redirect_uri ||
    !(await verifierMatches(minted, body.code_verifier))
  ) {
    return { status: 400, body: invalidCodeEnvelope() };
  }
  config.redeemed.add(minted.id);
  return { status: 200, body: await tokens(minted, config) };
}

/** Whether `authorization` is HTTP Basic base64(`client_id:client_secret`) of this client. */
function authenticates(authorization: string | null, config: TokenEndpointConfig): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  const decoded = match === null ? null : base64DecodeText(match[1]);
  return decoded === `${config.clientId}:${config.clientSecret}`;
}

/** The request's JSON object body; an empty object for any other body (every field then "is required"). */
async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return {};
  try {
    const value: unknown = await request.json();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** PKCE: a code minted with a challenge needs its verifier; one minted without takes none (RFC 7636 §4.6). */
async function verifierMatches(minted: MintedCode, verifier: unknown): Promise<boolean> {
  if (minted.codeChallenge === undefined) return verifier === undefined;
  return typeof verifier === 'string' && (await s256(verifier)) === minted.codeChallenge;
}

async function tokens(minted: MintedCode, config: TokenEndpointConfig): Promise<TokenReplyBody> {
  const now = Math.floor(Date.now() / 1000);
  const defaults: Record<string, unknown> = {
    iss: config.issuer,
    ...minted.claims,
    aud: config.clientId,
    exp: now + TOKEN_LIFETIME_SECONDS,
    iat: now,
    nonce: minted.nonce,
  };
  // An override of undefined removes the claim.
  const claims = Object.fromEntries(
    Object.entries({ ...defaults, ...config.idTokenClaims }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return {
    access_token: randomAlphanumerics(128),
    expires_in: TOKEN_LIFETIME_SECONDS,
    refresh_token: randomAlphanumerics(64),
    token_type: 'Bearer',
    id_token: await signIdToken(claims, await config.signingKey()),
  };
}
