// Property-based fuzzing of handleCallback with fast-check. The invariant: a callback is accepted
// only when its state is one this client issued, unexpired and unused, and then exactly once;
// every refusal is a FreedomIdError whose code is in the closed set and names a reason that
// applies to that URL; a callback never removes a request other than the one its state names.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_STATE_TTL_SECONDS,
  FreedomIdClient,
  FreedomIdError,
  type CallbackResult,
} from '../../src/index.js';
import {
  AUTHORITY,
  CLIENT_ID,
  ERROR_CODES,
  MemoryStorage,
  REDIRECT_URI,
} from '../helpers/security.js';

const OTHER_CLIENT_ID = '0f6b4c2e-8a1d-4e7b-9c3f-5a2d1e0b7c64';
const OTHER_REDIRECT_URI = `${location.origin}/other-callback`;
/** The callback's parameters, written out here on purpose: the oracle must not borrow the parser's list. */
const CALLBACK_PARAMS = [
  'state',
  'code',
  'authorization_code',
  'error',
  'error_description',
  'error_uri',
  'error_code',
  'iss',
  'session_state',
];
/** Runs of the main property; the second property adds its own. */
const SCENARIO_RUNS = 10_000;
const GARBAGE_RUNS = 2_000;

type Owner = 'ours' | 'otherClient' | 'otherRedirect';

/** How a callback's state is made from the issued ones, or not. */
type StateSpec =
  | { kind: 'issued'; index: number; mutation: Mutation }
  | { kind: 'random'; value: string }
  | { kind: 'absent' }
  | { kind: 'twice'; index: number; other: string };

type Mutation =
  | 'none'
  | 'flip'
  | 'truncate'
  | 'extend'
  | 'lower'
  | 'percent-equivalent'
  | 'double-encoded'
  | 'plus';

interface CallbackSpec {
  state: StateSpec;
  code: { name: 'code' | 'authorization_code' | 'both' | 'none' | 'twice'; value: string };
  iss: string | null;
  error: [string, string][];
  extras: [string, string][];
  /** Shuffles the parameters' order. */
  order: number;
  /** Moves everything after the state into the fragment. */
  fragment: boolean;
  /** Pads the query past 8 KB. */
  oversize: boolean;
}

interface Scenario {
  requests: { owner: Owner; expired: boolean }[];
  callbacks: CallbackSpec[];
}

/** true about one time in twenty. */
const rarely = fc.oneof(
  { weight: 19, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

/** Strings that break naive parsers: escapes, separators, NUL, look-alikes. */
const nasty = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%E0%A4',
  '%00',
  '%2',
  '+',
  '&',
  '=',
  '#',
  '%26state%3Dx',
  '%23',
  '\u0000',
  '\uD800',
  'ｓｔａｔｅ',
  ' ',
  '',
);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ minLength: 43, maxLength: 43 }) },
);
const extraName = fc.oneof(
  fc.constantFrom(
    'lang',
    'session_state',
    'STATE',
    'Code',
    'state ',
    'state[]',
    'amp;state',
    'st%61te',
    'code%00',
    'iss',
    'error_description',
    'error_uri',
    'state',
    'code',
  ),
  fc.string({ maxLength: 6 }),
);

const stateSpec: fc.Arbitrary<StateSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('issued' as const),
      index: fc.nat(7),
      mutation: fc.oneof(
        { weight: 6, arbitrary: fc.constant('none' as const) },
        {
          weight: 4,
          arbitrary: fc.constantFrom<Mutation>(
            'flip',
            'truncate',
            'extend',
            'lower',
            'percent-equivalent',
            'double-encoded',
            'plus',
          ),
        },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('random' as const), value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('absent' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('twice' as const), index: fc.nat(7), other: value }),
  },
);

const callbackSpec: fc.Arbitrary<CallbackSpec> = fc.record({
  state: stateSpec,
  code: fc.record({
    name: fc.oneof(
      { weight: 6, arbitrary: fc.constant('code' as const) },
      {
        weight: 3,
        arbitrary: fc.constantFrom('authorization_code' as const, 'both' as const, 'none' as const),
      },
      { weight: 1, arbitrary: fc.constant('twice' as const) },
    ),
    value: fc.oneof(
      { weight: 4, arbitrary: fc.constant('auth-code-1') },
      { weight: 3, arbitrary: value },
    ),
  }),
  iss: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constant(encodeURIComponent(AUTHORITY)) },
    { weight: 2, arbitrary: fc.constantFrom(`${AUTHORITY}/`, 'https://evil.example', AUTHORITY) },
    { weight: 1, arbitrary: value },
  ),
  error: fc.oneof(
    { weight: 6, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 2,
      arbitrary: fc.subarray<[string, string]>([
        ['error', 'access_denied'],
        ['error_code', '100102'],
        ['error_description', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
        ['error_uri', 'javascript:alert(1)'],
      ]),
    },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.tuple(fc.constantFrom('error', 'error_code', 'error_description', 'error_uri'), value),
        { maxLength: 2 },
      ),
    },
  ),
  extras: fc.oneof(
    { weight: 3, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 2, arbitrary: fc.array(fc.tuple(extraName, value), { maxLength: 3 }) },
  ),
  order: fc.nat(),
  fragment: rarely,
  oversize: rarely,
});

const scenario: fc.Arbitrary<Scenario> = fc.record({
  requests: fc.array(
    fc.record({
      owner: fc.oneof(
        { weight: 6, arbitrary: fc.constant<Owner>('ours') },
        { weight: 1, arbitrary: fc.constantFrom<Owner>('otherClient', 'otherRedirect') },
      ),
      expired: rarely,
    }),
    { maxLength: 4 },
  ),
  callbacks: fc.array(callbackSpec, { minLength: 1, maxLength: 4 }),
});

/** The state as a callback carries it: issued, altered, or not ours at all. */
function mutate(state: string, mutation: Mutation): string {
  const hex = state.charCodeAt(0).toString(16).toUpperCase();
  switch (mutation) {
    case 'none':
      return state;
    case 'flip':
      return (state.startsWith('A') ? 'B' : 'A') + state.slice(1);
    case 'truncate':
      return state.slice(0, -1);
    case 'extend':
      return `${state}A`;
    case 'lower':
      return state.toLowerCase();
    case 'percent-equivalent':
      // Decodes to the very same state: the callback is genuine.
      return `%${hex}${state.slice(1)}`;
    case 'double-encoded':
      return `%25${hex}${state.slice(1)}`;
    case 'plus':
      return `${state}+`;
  }
}

/** A deterministic shuffle (Fisher–Yates driven by a small LCG seeded with `seed`). */
function shuffle<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let x = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The callback URL a spec describes, given the states issued so far (any owner), raw as a string. */
function buildHref(spec: CallbackSpec, issued: string[]): string {
  const pick = (index: number) =>
    issued.length === 0
      ? 'Vq3cX9-2kLm_PZ0aQ7rT5uWyB8dE1fGhJ4nS6oR2tUw'
      : issued[index % issued.length];
  const pairs: [string, string][] = [];
  const { state } = spec;
  if (state.kind === 'issued') pairs.push(['state', mutate(pick(state.index), state.mutation)]);
  if (state.kind === 'random') pairs.push(['state', state.value]);
  if (state.kind === 'twice') pairs.push(['state', pick(state.index)], ['state', state.other]);
  const { name, value: code } = spec.code;
  if (name === 'code' || name === 'both' || name === 'twice') pairs.push(['code', code]);
  if (name === 'authorization_code' || name === 'both') pairs.push(['authorization_code', code]);
  if (name === 'twice') pairs.push(['code', `${code}2`]);
  if (spec.iss !== null) pairs.push(['iss', spec.iss]);
  pairs.push(...spec.error, ...spec.extras);
  if (spec.oversize) pairs.push(['pad', 'x'.repeat(8200)]);
  const raw = shuffle(pairs, spec.order).map(([key, val]) => `${key}=${val}`);
  const cut = spec.fragment ? Math.floor(raw.length / 2) : raw.length;
  const query = raw.slice(0, cut).join('&');
  const hash = raw.slice(cut).join('&');
  return `${REDIRECT_URI}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

/** One pending request, as the model remembers it. */
interface Entry {
  owner: Owner;
  expired: boolean;
  nonce: string;
}

/** Every reason that applies to refuse `url`, whatever order the SDK checks them in; none means it must be accepted. */
function reasons(url: URL, pending: ReadonlyMap<string, Entry>): Set<string> {
  const query = url.searchParams;
  const why = new Set<string>();
  let wellEncoded = true;
  try {
    decodeURIComponent(url.search);
  } catch {
    wellEncoded = false;
  }
  if (
    url.search.length > 8192 ||
    CALLBACK_PARAMS.some((name) => query.getAll(name).length > 1) ||
    !wellEncoded
  )
    why.add('invalid_callback');
  const state = query.get('state');
  const entry = state ? pending.get(state) : undefined;
  if (!state) why.add('state_missing');
  else if (entry?.owner !== 'ours') why.add('state_not_found');
  else if (entry.expired) why.add('state_expired');
  const iss = query.get('iss');
  if (iss !== null && iss !== AUTHORITY) why.add('issuer_mismatch');
  if (query.has('error') || query.has('error_code')) why.add('provider_error');
  if (!(query.get('code') ?? query.get('authorization_code'))) why.add('code_missing');
  return why;
}

/** The SDK's keys in `storage`. */
function keys(storage: Storage): Set<string> {
  const found = new Set<string>();
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith('freedomid.')) found.add(key);
  }
  return found;
}

/** Fails the property with `message` (plain throws: chai is too slow for 10,000 runs × several checks). */
function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

function clientFor(owner: Owner, storage: Storage): FreedomIdClient {
  return new FreedomIdClient({
    clientId: owner === 'otherClient' ? OTHER_CLIENT_ID : CLIENT_ID,
    redirectUri: owner === 'otherRedirect' ? OTHER_REDIRECT_URI : REDIRECT_URI,
    storage,
    navigate: () => undefined,
  });
}

/** Checks a refusal: a FreedomIdError with a code from the closed set, one of `allowed`. */
function checkRefusal(error: unknown, allowed: ReadonlySet<string>, href: string): void {
  check(
    error instanceof FreedomIdError,
    () => `${href}: threw ${String(error)}, not a FreedomIdError`,
  );
  check(ERROR_CODES.has(error.code), () => `${href}: code ${error.code} is not in the closed set`);
  check(
    allowed.has(error.code),
    () => `${href}: refused with ${error.code}, but only ${[...allowed].join(', ')} apply`,
  );
}

/** Issues the scenario's requests in one storage, ages the expired ones, and returns the model. */
async function issueAll(
  requests: Scenario['requests'],
  storage: Storage,
): Promise<{ issued: string[]; pending: Map<string, Entry> }> {
  const issued: string[] = [];
  const pending = new Map<string, Entry>();
  for (const { owner, expired } of requests) {
    const url = await clientFor(owner, storage).createAuthorizationUrl();
    const state = url.searchParams.get('state') ?? '';
    issued.push(state);
    pending.set(state, { owner, expired, nonce: url.searchParams.get('nonce') ?? '' });
  }
  // Aged after all are issued: issuing sweeps old requests, and this suite wants them present.
  for (const [state, { expired }] of pending) {
    if (!expired) continue;
    const key = `freedomid.${state}`;
    const stored = JSON.parse(storage.getItem(key) ?? '{}') as { created: number };
    stored.created -= DEFAULT_STATE_TTL_SECONDS + 5;
    storage.setItem(key, JSON.stringify(stored));
  }
  return { issued, pending };
}

const engine = navigator.userAgent;

describe('FreedomIdClient.handleCallback', () => {
  describe('when fuzzed with generated callbacks (fast-check)', () => {
    it(`accepts only an issued, unexpired, unused state, exactly once (${SCENARIO_RUNS} scenarios)`, async function () {
      this.timeout(300_000);
      let urls = 0;
      let accepted = 0;
      const codes = new Map<string, number>();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(scenario, async ({ requests, callbacks }) => {
          const storage = new MemoryStorage();
          const client = clientFor('ours', storage);
          const { issued, pending } = await issueAll(requests, storage);
          const used = new Set<string>();
          for (const spec of callbacks) {
            const href = buildHref(spec, issued);
            urls++;
            const url = new URL(href);
            const state = url.searchParams.get('state') ?? '';
            const entry = pending.get(state);
            const why = reasons(url, pending);
            const before = keys(storage);
            let result: CallbackResult | undefined;
            try {
              result = await client.handleCallback(href);
            } catch (error) {
              checkRefusal(error, why, href);
              const { code } = error as FreedomIdError;
              codes.set(code, (codes.get(code) ?? 0) + 1);
            }
            if (result !== undefined) {
              accepted++;
              check(why.size === 0, () => `${href}: accepted, though ${[...why].join(', ')} apply`);
              check(
                entry?.owner === 'ours' && !entry.expired,
                () => `${href}: accepted a state that is not ours or expired`,
              );
              check(!used.has(state), () => `${href}: accepted the state ${state} a second time`);
              const expected = {
                code: url.searchParams.get('code') ?? url.searchParams.get('authorization_code'),
                state,
                nonce: entry.nonce,
                redirectUri: REDIRECT_URI,
              };
              check(
                JSON.stringify(result) === JSON.stringify(expected),
                () =>
                  `${href}: result ${JSON.stringify(result)}, expected ${JSON.stringify(expected)}`,
              );
              used.add(state);
            } else {
              check(why.size > 0, () => `${href}: refused, though nothing is wrong with it`);
            }
            // No collateral damage: only the request the state names may go, and only if it is ours.
            const after = keys(storage);
            const removed = [...before].filter((key) => !after.has(key));
            check(
              removed.length === 0 ||
                (removed.length === 1 &&
                  removed[0] === `freedomid.${state}` &&
                  entry?.owner === 'ours'),
              () => `${href}: removed ${removed.join(', ')}`,
            );
            check(
              result === undefined || removed.length === 1,
              () => `${href}: accepted without using up its request`,
            );
            if (removed.length === 1) pending.delete(state);
          }
        }),
        { numRuns: SCENARIO_RUNS },
      );
      const ms = Math.round(performance.now() - started);
      console.log(
        `fuzz: ${SCENARIO_RUNS} scenarios, ${urls} callback URLs (${accepted} accepted) in ${ms} ms — ${JSON.stringify(Object.fromEntries([...codes].sort()))} — ${engine}`,
      );
      expect(urls).to.be.at.least(SCENARIO_RUNS);
      // The generators reach acceptance and every refusal reason, or the property proves little.
      expect(accepted).to.be.above(SCENARIO_RUNS / 20);
      expect([...codes.keys()].sort()).to.deep.equal([
        'code_missing',
        'invalid_callback',
        'issuer_mismatch',
        'provider_error',
        'state_expired',
        'state_missing',
        'state_not_found',
      ]);
    });

    it(`refuses arbitrary strings as callbacks, only ever with a FreedomIdError (${GARBAGE_RUNS} strings)`, async function () {
      this.timeout(120_000);
      const storage = new MemoryStorage();
      const client = clientFor('ours', storage);
      const { state } = {
        state: (await client.createAuthorizationUrl()).searchParams.get('state'),
      };
      const garbage = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string({ unit: 'binary', maxLength: 40 }).map((tail) => `${REDIRECT_URI}?${tail}`),
        fc.string({ maxLength: 40 }).map((tail) => `${REDIRECT_URI}${tail}`),
      );
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(garbage, async (href) => {
          try {
            await client.handleCallback(href);
          } catch (error) {
            check(error instanceof FreedomIdError, () => `${href}: threw ${String(error)}`);
            check(ERROR_CODES.has(error.code), () => `${href}: code ${error.code}`);
            check(
              storage.getItem(`freedomid.${state ?? ''}`) !== null,
              () => `${href}: removed our request`,
            );
            return;
          }
          throw new Error(`${href}: accepted`);
        }),
        { numRuns: GARBAGE_RUNS },
      );
      console.log(
        `fuzz: ${GARBAGE_RUNS} arbitrary strings in ${Math.round(performance.now() - started)} ms — ${engine}`,
      );
    });
  });
});
