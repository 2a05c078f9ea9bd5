// Forged and altered callbacks: each is refused with its exact FreedomIdError code, never accepted,
// never thrown as anything else; the genuine request survives every forgery that does not carry it.
import { expect } from '@open-wc/testing';
import { FreedomIdError, type FreedomIdErrorCode } from '../../src/index.js';
import {
  AUTHORITY,
  REDIRECT_URI,
  clearEntries,
  startSignIn,
  makeClient,
  storedEntries,
  rejection,
} from '../helpers/security.js';

/** What a forged callback is built from: our client's pending state, and one of another client id and another redirect URI. */
interface Issued {
  ours: string;
  otherClient: string;
  otherRedirect: string;
}

/** Whether the refusal used up our pending request ('used') or left it for the genuine callback ('kept'). */
type Ours = 'kept' | 'used';

const OTHER_CLIENT_ID = '0f6b4c2e-8a1d-4e7b-9c3f-5a2d1e0b7c64';
const OTHER_REDIRECT_URI = `${location.origin}/other-callback`;
/** 43 base64url characters, like a real state, that this browser never issued. */
const RANDOM_STATE = 'Vq3cX9-2kLm_PZ0aQ7rT5uWyB8dE1fGhJ4nS6oR2tUw';

/** Swaps the first character for another base64url one. */
function flip(state: string): string {
  return (state.startsWith('A') ? 'B' : 'A') + state.slice(1);
}

/** A query of exactly `length` characters (with its "?") carrying code and state, padded by an extra parameter. */
function queryOfLength(length: number, state: string): string {
  const head = `?code=c&state=${state}&pad=`;
  return head + 'x'.repeat(length - head.length);
}

const cases: [string, (issued: Issued) => string, FreedomIdErrorCode, Ours][] = [
  // Random and altered states.
  ['a random state', () => `?code=c&state=${RANDOM_STATE}`, 'state_not_found', 'kept'],
  [
    'a state with one character changed',
    (s) => `?code=c&state=${flip(s.ours)}`,
    'state_not_found',
    'kept',
  ],
  ['a truncated state', (s) => `?code=c&state=${s.ours.slice(0, -1)}`, 'state_not_found', 'kept'],
  ['a state cut to half', (s) => `?code=c&state=${s.ours.slice(0, 21)}`, 'state_not_found', 'kept'],
  ['an extended state', (s) => `?code=c&state=${s.ours}A`, 'state_not_found', 'kept'],
  ['a state with a ;suffix', (s) => `?code=c&state=${s.ours};x`, 'state_not_found', 'kept'],
  [
    'a state in another case',
    (s) => `?code=c&state=${s.ours.toLowerCase()}`,
    'state_not_found',
    'kept',
  ],
  ['a state with a trailing space', (s) => `?code=c&state=${s.ours}%20`, 'state_not_found', 'kept'],
  ['a state with a NUL byte', (s) => `?code=c&state=${s.ours}%00`, 'state_not_found', 'kept'],
  [
    'a state encoded twice',
    (s) =>
      `?code=c&state=${s.ours.slice(0, -1)}%25${s.ours.charCodeAt(s.ours.length - 1).toString(16)}`,
    'state_not_found',
    'kept',
  ],
  [
    'a state of 7,000 characters',
    () => `?code=c&state=${'A'.repeat(7000)}`,
    'state_not_found',
    'kept',
  ],
  // Repeated parameters: which one would a server read?
  [
    'state=a&state=b',
    (s) => `?code=c&state=${s.ours}&state=${RANDOM_STATE}`,
    'invalid_callback',
    'kept',
  ],
  [
    'state=b&state=a',
    (s) => `?code=c&state=${RANDOM_STATE}&state=${s.ours}`,
    'invalid_callback',
    'kept',
  ],
  ['our state twice', (s) => `?code=c&state=${s.ours}&state=${s.ours}`, 'invalid_callback', 'kept'],
  ['code=a&code=b', (s) => `?code=a&code=b&state=${s.ours}`, 'invalid_callback', 'kept'],
  [
    'authorization_code twice',
    (s) => `?authorization_code=a&authorization_code=b&state=${s.ours}`,
    'invalid_callback',
    'kept',
  ],
  [
    'iss twice',
    (s) => `?code=c&state=${s.ours}&iss=${AUTHORITY}&iss=${AUTHORITY}`,
    'invalid_callback',
    'kept',
  ],
  [
    'error twice',
    (s) => `?error=access_denied&error=server_error&state=${s.ours}`,
    'invalid_callback',
    'kept',
  ],
  ['an empty second state', (s) => `?code=c&state=${s.ours}&state=`, 'invalid_callback', 'kept'],
  // Oversized queries.
  ['a query of 8,193 characters', (s) => queryOfLength(8193, s.ours), 'invalid_callback', 'kept'],
  ['a query of 64 KB', (s) => queryOfLength(65536, s.ours), 'invalid_callback', 'kept'],
  // Malformed percent-encoding.
  ['state=%', () => '?code=c&state=%', 'invalid_callback', 'kept'],
  ['state=%E0%A4%A', () => '?code=c&state=%E0%A4%A', 'invalid_callback', 'kept'],
  ['state=%zz', () => '?code=c&state=%zz', 'invalid_callback', 'kept'],
  ['our state with a trailing %', (s) => `?code=c&state=${s.ours}%`, 'invalid_callback', 'kept'],
  ['code=% with our state', (s) => `?code=%&state=${s.ours}`, 'invalid_callback', 'kept'],
  [
    'code=%E0%A4%A with our state',
    (s) => `?code=%E0%A4%A&state=${s.ours}`,
    'invalid_callback',
    'kept',
  ],
  ['code=%zz with our state', (s) => `?code=%zz&state=${s.ours}`, 'invalid_callback', 'kept'],
  // Missing parts.
  ['code without state', () => '?code=c', 'state_missing', 'kept'],
  ['code with an empty state', () => '?code=c&state=', 'state_missing', 'kept'],
  [
    'the parameters in the fragment only',
    (s) => `#code=c&state=${s.ours}`,
    'state_missing',
    'kept',
  ],
  ['our state with an empty code', (s) => `?code=&state=${s.ours}`, 'code_missing', 'used'],
  ['our state without a code', (s) => `?state=${s.ours}`, 'code_missing', 'used'],
  // Another client's request, in the same storage.
  [
    'the state of another client id',
    (s) => `?code=c&state=${s.otherClient}`,
    'state_not_found',
    'kept',
  ],
  [
    'the state of another redirect URI',
    (s) => `?code=c&state=${s.otherRedirect}`,
    'state_not_found',
    'kept',
  ],
  // Mix-up: another issuer (RFC 9207 compares strings exactly).
  [
    'iss of another issuer',
    (s) => `?code=c&state=${s.ours}&iss=https%3A%2F%2Fevil.example`,
    'issuer_mismatch',
    'used',
  ],
  [
    'iss with a trailing slash',
    (s) => `?code=c&state=${s.ours}&iss=${AUTHORITY}/`,
    'issuer_mismatch',
    'used',
  ],
  [
    'iss in upper case',
    (s) => `?code=c&state=${s.ours}&iss=${AUTHORITY.toUpperCase()}`,
    'issuer_mismatch',
    'used',
  ],
  [
    'iss over http',
    (s) => `?code=c&state=${s.ours}&iss=${AUTHORITY.replace('https:', 'http:')}`,
    'issuer_mismatch',
    'used',
  ],
  [
    'iss as a suffix domain',
    (s) => `?code=c&state=${s.ours}&iss=${AUTHORITY}.evil.example`,
    'issuer_mismatch',
    'used',
  ],
  ['an empty iss', (s) => `?code=c&state=${s.ours}&iss=`, 'issuer_mismatch', 'used'],
  // Provider errors: refused, and marked unverified when the state is not ours.
  [
    'an error with a forged state',
    () => `?error=access_denied&state=${RANDOM_STATE}`,
    'provider_error',
    'kept',
  ],
  ['an error_code without state', () => '?error_code=100102', 'provider_error', 'kept'],
  [
    'an error with our state',
    (s) => `?error=access_denied&state=${s.ours}`,
    'provider_error',
    'used',
  ],
  [
    'an error next to a code',
    (s) => `?code=c&error=server_error&state=${s.ours}`,
    'provider_error',
    'used',
  ],
];

describe('FreedomIdClient.handleCallback', () => {
  afterEach(() => {
    clearEntries();
  });

  describe('when the callback is forged or altered', () => {
    for (const [name, forge, code, ours] of cases) {
      it(`${name} → ${code}, our request ${ours}`, async () => {
        const { client } = makeClient();
        const issued: Issued = {
          ours: (await startSignIn(client)).state,
          otherClient: (await startSignIn(makeClient({ clientId: OTHER_CLIENT_ID }).client)).state,
          otherRedirect: (await startSignIn(makeClient({ redirectUri: OTHER_REDIRECT_URI }).client))
            .state,
        };
        const href = REDIRECT_URI + forge(issued);

        const error = await rejection(() => client.handleCallback(href));

        expect(error).to.be.instanceOf(FreedomIdError);
        expect(error.code).to.equal(code);
        expect(Object.keys(storedEntries()).sort()).to.deep.equal(
          [...(ours === 'kept' ? [issued.ours] : []), issued.otherClient, issued.otherRedirect]
            .map((state) => `freedomid.${state}`)
            .sort(),
        );
        if (ours === 'kept') {
          const genuine = await client.handleCallback(
            `${REDIRECT_URI}?code=c&state=${issued.ours}`,
          );
          expect(genuine.state).to.equal(issued.ours);
        }
      });
    }
  });

  describe('when the query is exactly at the 8 KB limit', () => {
    it('accepts a query of 8,192 characters', async () => {
      const { client } = makeClient();
      const { state } = await startSignIn(client);
      const href = REDIRECT_URI + queryOfLength(8192, state);
      expect(new URL(href).search.length).to.equal(8192);
      expect((await client.handleCallback(href)).state).to.equal(state);
    });
  });

  describe('when the argument is not a URL', () => {
    const notUrls: [string, unknown][] = [
      ['not a url', 'not a url'],
      ['an empty string', ''],
      ['a relative path', '/login?code=c&state=s'],
      ['http://[ (an unclosed IPv6 host)', 'http://['],
      ['a number', 42],
      ['an object', { href: REDIRECT_URI }],
    ];
    for (const [name, href] of notUrls) {
      it(`${name} → invalid_argument`, async () => {
        const { client } = makeClient();
        const error = await rejection(() => client.handleCallback(href as string));
        expect(error).to.be.instanceOf(FreedomIdError);
        expect(error.code).to.equal('invalid_argument');
      });
    }
  });
});
