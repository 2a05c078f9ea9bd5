/** What a {@link SessionStore} keeps of one session: enough to find it from the provider's side and end it. */
export interface SessionRecord {
  /** The random session id the cookie carries. */
  id: string;
  /** The id_token's `sub`. */
  sub: string;
  /** The id_token's `sid` (the provider's session), when it has one: back-channel logout may name it. */
  sid?: string;
  /** Every token id the token reply and id_token carried (`id`, `token_id`, `jti`): Freedom ID's revoke call names one. */
  tokenIds: readonly string[];
  /** Milliseconds since the epoch when the session ends at the latest (its absolute lifetime). */
  expiresAt: number;
}

/** How a provider's sign-out names the sessions to end. */
export type SessionIndex = 'sub' | 'sid' | 'tokenId';

/**
 * Where the handler keeps sessions so they can be ended from outside the browser (revoke,
 * back-channel logout); every method may reject, and the handler then answers `store_unavailable`.
 */
export interface SessionStore {
  /** Saves a session (whole, or not at all), to be forgotten at `expiresAt`. */
  set(record: SessionRecord): Promise<void>;
  /** The session with this id, or undefined when it is unknown, ended or expired. */
  get(id: string): Promise<SessionRecord | undefined>;
  /** Ends one session; ending an unknown one is no error. */
  delete(id: string): Promise<void>;
  /** Ends every session whose `sub`, `sid` or one of whose token ids is `value`, and answers how many. */
  deleteBy(index: SessionIndex, value: string): Promise<number>;
  /** True the first time `key` is offered before `expiresAt` (ms), false after: a logout token's `jti` is used once. */
  useOnce(key: string, expiresAt: number): Promise<boolean>;
}

/** The index keys of a record: `sub`, `sid` and each token id. */
export function indexKeys(record: SessionRecord): [SessionIndex, string][] {
  return [
    ['sub', record.sub],
    ...(record.sid === undefined ? [] : [['sid', record.sid] as [SessionIndex, string]]),
    ...record.tokenIds.map((id): [SessionIndex, string] => ['tokenId', id]),
  ];
}
