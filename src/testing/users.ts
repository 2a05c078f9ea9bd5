/**
 * The test users and the claims each Freedom ID grant (scope) releases. The testing kit's
 * simulator and token handlers and the local sandbox (`demo/sandbox/`) all read this one module,
 * so a test and the sandbox never disagree about who signs in or what a grant releases.
 *
 * Freedom ID publishes the grant names (REFERENCE.md §4) but not the claim names behind them:
 * the kit uses the standard OIDC claim names (OIDC Core §5.1) where one fits, and plain
 * names (`nationality`, `country`, `identifier`, `phone_numbers`) where none does.
 */

/**
 * A user who can sign in: `login` is what to type on the sandbox's sign-in page (any password
 * works); in the kit, pass the user (or its login or `sub`) to the simulator.
 */
export interface TestUser {
  readonly login: string;
  readonly claims: Readonly<TestUserClaims>;
}

/**
 * The claims a user has; which of them a client receives depends on the granted scopes. Only
 * `sub` (a UUID at Freedom ID) is required, so a test can make a user without, say, an email.
 * (A type, not an interface, so it is assignable to `Record<string, unknown>`.)
 */
export type TestUserClaims = {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  birthdate?: string;
  gender?: string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  phone_numbers?: string[];
  nationality?: string;
  country?: string;
  identifier?: string;
};

/** The claim names each grant releases, besides `sub`, which every id_token carries. */
export const GRANT_CLAIMS: Readonly<Record<string, readonly (keyof TestUserClaims)[]>> = {
  'read.profile': ['name', 'given_name', 'family_name', 'middle_name', 'birthdate', 'gender'],
  'read.email': ['email', 'email_verified'],
  'read.phone': ['phone_number', 'phone_number_verified'],
  'read.phones': ['phone_numbers'],
  'read.firstname': ['given_name'],
  'read.lastname': ['family_name'],
  'read.patronymic': ['middle_name'],
  'read.date_of_birth': ['birthdate'],
  'read.gender': ['gender'],
  'read.nationality': ['nationality'],
  'read.country': ['country'],
  'read.identifier': ['identifier'],
};

/** Every grant Freedom ID accepts (REFERENCE.md §4); it rejects any other with a validation error. */
export const GRANTS: readonly string[] = ['openid', ...Object.keys(GRANT_CLAIMS)];

/** The seeded users; the first (`aigerim`) is the default everywhere and the one the README names. */
export const TEST_USERS: readonly TestUser[] = [
  {
    login: 'aigerim',
    claims: {
      sub: '7f0c2a6e-3b1d-4c59-9e8a-1d2f3a4b5c6d',
      name: 'Aigerim Seitkali',
      given_name: 'Aigerim',
      family_name: 'Seitkali',
      middle_name: 'Nurlanovna',
      birthdate: '1994-03-21',
      gender: 'female',
      email: 'aigerim@sandbox.freedomid.test',
      email_verified: true,
      phone_number: '+77010000001',
      phone_number_verified: true,
      phone_numbers: ['+77010000001', '+77270000001'],
      nationality: 'KZ',
      country: 'KZ',
      identifier: '940321400001',
    },
  },
  {
    login: 'daniyar',
    claims: {
      sub: '2b8e5d1c-9a47-4f06-8c3e-6a5b4c3d2e1f',
      name: 'Daniyar Bekov',
      given_name: 'Daniyar',
      family_name: 'Bekov',
      middle_name: 'Serikovich',
      birthdate: '1988-11-02',
      gender: 'male',
      email: 'daniyar@sandbox.freedomid.test',
      email_verified: false,
      phone_number: '+77020000002',
      phone_number_verified: true,
      phone_numbers: ['+77020000002'],
      nationality: 'KZ',
      country: 'KZ',
      identifier: '881102300002',
    },
  },
];

/** The seeded user with this login or subject, or undefined. */
export function findTestUser(loginOrSub: string): TestUser | undefined {
  return TEST_USERS.find((user) => user.login === loginOrSub || user.claims.sub === loginOrSub);
}

/** The claims `scope` releases for `user`: `sub` plus those of each granted grant that the user has. */
export function claimsForScope(user: TestUser, scope: string): TestUserClaims {
  const released: TestUserClaims = { sub: user.claims.sub };
  for (const grant of scope.split(' ')) {
    for (const name of GRANT_CLAIMS[grant] ?? []) {
      if (user.claims[name] !== undefined) Object.assign(released, { [name]: user.claims[name] });
    }
  }
  return released;
}
