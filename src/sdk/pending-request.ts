import { SigninState } from 'oidc-client-ts';
import { compact } from './compact.js';
import { FreedomIdError } from './errors.js';
import { randomToken } from './random.js';
import { sameOriginPath } from './return-to.js';

/** What the SDK remembers about one sign-in between the redirect and the callback, as read back. */
export interface PendingRequest {
  state: string;
  nonce: string;
  /** The PKCE verifier, when the browser made the pair. */
  codeVerifier?: string;
  clientId: string;
  redirectUri: string;
  /** The issuer as configured, which the callback's `iss` must equal exactly (RFC 9207 §2.4). */
  authority: string;
  /** Creation time, in seconds since the epoch. */
  created: number;
  appState?: unknown;
  returnTo?: string;
}

/** What a new request is made of; `pkce` adds a verifier and its S256 challenge. */
export interface RecordArgs extends Omit<PendingRequest, 'created' | 'codeVerifier'> {
  scope: string;
  pkce: boolean;
}

/** The fields of a stored record the SDK checks before it takes the record. */
interface StoredFields {
  id: unknown;
  nonce: unknown;
  created: unknown;
  client_id: unknown;
  redirect_uri: unknown;
  authority: unknown;
  code_verifier: unknown;
}

/**
 * Creates the sign-in record: oidc-client-ts's `SigninState`, keyed by our state, with the PKCE pair
 * when asked: the verifier is 32 bytes from one Web Crypto call in base64url (RFC 7636 §4.1's
 * recommendation; oidc-client-ts's own makes 93 calls for its 3 UUIDs), oidc-client-ts hashes it.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function createRecord({
  state,
  nonce,
  pkce,
  clientId,
  redirectUri,
  authority,
  scope,
  appState,
  returnTo,
}: RecordArgs): Promise<SigninState> {
  const data = compact({ appState, returnTo });
  return SigninState.create({
    id: state,
    nonce,
    code_verifier: pkce ? randomToken() : false,
    client_id: clientId,
    redirect_uri: redirectUri,
    authority,
    scope,
    data: Object.keys(data).length > 0 ? data : undefined,
  });
}

/**
 * Checks a stored record before it is taken: it must be well-formed and belong to this client and
 * redirect URI; a record of another client is left for it (`state_not_found` naming that client).
 */
export function checkOwner(stored: string, clientId: string, redirectUri: string): void {
  const fields = parseFields(stored);
  if (fields === null) throw altered('it is not a record this SDK writes');
  if (isAnotherClients(stored, clientId, redirectUri)) {
    throw new FreedomIdError(
      'state_not_found',
      `The callback's state belongs to a sign-in of client ${String(fields.client_id)} at ${String(fields.redirect_uri)}: handle it with a client configured the same way.`,
    );
  }
}

/** Whether `stored` is a well-formed record of another client id or redirect URI (one this client must leave alone). */
export function isAnotherClients(stored: string, clientId: string, redirectUri: string): boolean {
  const fields = parseFields(stored);
  return fields !== null && (fields.client_id !== clientId || fields.redirect_uri !== redirectUri);
}

/**
 * Reads the record taken for `state` back through `SigninState.fromStorageString` and re-checks what the callback hands on.
 * > [!WARNING] Storage is not trusted as read back: a record filed under another state, or a `returnTo` that is not a same-origin path, is refused.
 */
export async function readRecord(stored: string, state: string): Promise<PendingRequest> {
  const record = await SigninState.fromStorageString(stored);
  const { appState, returnTo } = (record.data ?? {}) as { appState?: unknown; returnTo?: unknown };
  if (record.id !== state) throw altered('it is filed under another state');
  if (returnTo !== undefined && !isSameOriginPath(returnTo)) {
    throw altered(`its returnTo ${JSON.stringify(returnTo)} is not a path on this site`);
  }
  return compact({
    state: record.id,
    nonce: record.nonce ?? '',
    codeVerifier: record.code_verifier,
    clientId: record.client_id,
    redirectUri: record.redirect_uri,
    authority: record.authority,
    created: record.created,
    appState,
    returnTo,
  });
}

/** The checked fields of a stored record, or null when it is not one this SDK writes. */
function parseFields(stored: string): StoredFields | null {
  let fields: Partial<StoredFields> | null;
  try {
    fields = JSON.parse(stored) as Partial<StoredFields> | null;
  } catch {
    return null;
  }
  const strings = [
    fields?.id,
    fields?.nonce,
    fields?.client_id,
    fields?.redirect_uri,
    fields?.authority,
  ];
  const { created, code_verifier } = fields ?? {};
  return strings.every((value) => typeof value === 'string') &&
    typeof created === 'number' &&
    Number.isFinite(created) &&
    created > 0 &&
    (code_verifier === undefined || typeof code_verifier === 'string')
    ? (fields as StoredFields)
    : null;
}

/** The stored created time, or null when the record is not one this SDK writes (the sweep removes those). */
export function createdOf(stored: string): number | null {
  const fields = parseFields(stored);
  return fields === null ? null : (fields.created as number);
}

/** Whether `value` is a same-origin path exactly as `sameOriginPath` would have stored it. */
function isSameOriginPath(value: unknown): value is string {
  try {
    return typeof value === 'string' && sameOriginPath(value) === value;
  } catch {
    return false;
  }
}

function altered(why: string): FreedomIdError {
  return new FreedomIdError(
    'state_not_found',
    `The stored sign-in request for the callback's state was altered (${why}), so it is refused. Start the sign-in again.`,
  );
}
