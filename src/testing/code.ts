import { base64DecodeText, base64UrlEncode, randomAlphanumerics } from './encoding.js';
import {
  claimsForScope,
  findTestUser,
  TEST_USERS,
  type TestUser,
  type TestUserClaims,
} from './users.js';

/** Every code the kit mints starts with this, so a code from anywhere else is told apart at once. */
export const CODE_PREFIX = 'fidtest_';

/** The sign-in a kit code answers: who asked (client, redirect URI, nonce, PKCE) and what the user released. */
export interface MintedCode {
  /** Unique per code: the token handlers accept each code once, as Freedom ID does. */
  readonly id: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** The nonce of the sign-in request; the id_token carries it back. */
  readonly nonce: string;
  readonly scope: string;
  /** The claims the scope releases for the user who signed in (`sub` always). */
  readonly claims: Readonly<TestUserClaims>;
  /** The PKCE S256 challenge of the request, when it had one. */
  readonly codeChallenge?: string;
}

/** The sign-in request a code is minted for: what the browser sent to `/openid`. */
export interface MintCodeOptions {
  clientId: string;
  redirectUri: string;
  nonce: string;
  /** Space-separated grants. Default `'openid'`. */
  scope?: string;
  /** Who signs in: a test user, or a seeded user's login or `sub`. Default the first seeded user (`aigerim`). */
  user?: TestUser | string;
  /** The request's PKCE S256 `code_challenge`; the token handler then demands the matching `code_verifier`. */
  codeChallenge?: string;
}

/**
 * Mints an authorization code that the kit's token handler accepts once and answers with an
 * id_token for `nonce`. The code carries its request in itself (`fidtest_` + base64url JSON, see
 * {@link readCode}), so a code minted in a browser page is redeemed by handlers running in Node,
 * and the other way round: no registry has to be shared.
 */
export function mintCode(options: MintCodeOptions): string {
  for (const name of ['clientId', 'redirectUri', 'nonce'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') {
      throw new TypeError(`mintCode: pass ${name}, as the sign-in request carried it.`);
    }
  }
  const scope = options.scope ?? 'openid';
  const payload = {
    id: randomAlphanumerics(16),
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    nonce: options.nonce,
    scope,
    claims: claimsForScope(resolveUser(options.user), scope),
    ...(options.codeChallenge === undefined ? {} : { code_challenge: options.codeChallenge }),
  };
  return CODE_PREFIX + base64UrlEncode(JSON.stringify(payload));
}

/** What a code minted by {@link mintCode} stands for, or null for any other string. */
export function readCode(code: string): MintedCode | null {
  if (!code.startsWith(CODE_PREFIX)) return null;
  const text = base64DecodeText(code.slice(CODE_PREFIX.length));
  let value: unknown;
  try {
    value = text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const fields = value as Record<string, unknown>;
  const strings = ['id', 'client_id', 'redirect_uri', 'nonce', 'scope'] as const;
  if (strings.some((name) => typeof fields[name] !== 'string')) return null;
  const claims = fields.claims;
  if (
    typeof claims !== 'object' ||
    claims === null ||
    typeof (claims as TestUserClaims).sub !== 'string'
  ) {
    return null;
  }
  const challenge = fields.code_challenge;
  return {
    id: fields.id as string,
    clientId: fields.client_id as string,
    redirectUri: fields.redirect_uri as string,
    nonce: fields.nonce as string,
    scope: fields.scope as string,
    claims: claims as TestUserClaims,
    ...(typeof challenge === 'string' ? { codeChallenge: challenge } : {}),
  };
}

/** The user `user` names (default the first seeded user); throws for an unknown login or `sub`. */
export function resolveUser(user: TestUser | string | undefined): TestUser {
  if (user === undefined) return TEST_USERS[0];
  if (typeof user !== 'string') return user;
  const found = findTestUser(user);
  if (found === undefined) {
    throw new TypeError(
      `No test user "${user}": pass one of ${TEST_USERS.map((known) => `"${known.login}"`).join(', ')}, or a TestUser object.`,
    );
  }
  return found;
}
