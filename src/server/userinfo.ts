import { FreedomIdServerError } from './errors.js';
import type { ResolvedProvider } from './provider-options.js';
import { fetchReply, isRecord, parseJson } from './read-reply.js';

/** Freedom ID's profile field names and the standard claim each one is (OIDC Core §5.1). */
export const FREEDOM_ID_FIELDS = {
  firstname: 'given_name',
  lastname: 'family_name',
  patronymic: 'middle_name',
  date_of_birth: 'birthdate',
  phone: 'phone_number',
  email: 'email',
  gender: 'gender',
  country: 'country',
  nationality: 'nationality',
  identifier: 'identifier',
} as const;

/**
 * Asks the userinfo endpoint for the user's profile with the access token, and returns it with
 * Freedom ID's field names also given their standard names (the raw ones kept); a reply that is
 * not a JSON object for the id_token's `sub` fails with `invalid_response` (`field: 'userinfoEndpoint'`).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 * > [!WARNING] The `sub` must equal the id_token's: a reply for another user is refused (OIDC Core §5.3.2).
 */
export async function fetchUserinfo(
  accessToken: string,
  sub: string,
  endpoint: URL,
  provider: ResolvedProvider,
): Promise<Record<string, unknown>> {
  const what = `${provider.providerName}'s userinfo endpoint ${endpoint.href}`;
  const { status, text } = await fetchReply(
    endpoint.href,
    { headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` } },
    what,
    provider.timeoutMs,
  ).catch((error: unknown) => {
    // An oversized reply is this endpoint's fault, named so; unreachable stays network_error or timeout.
    if (error instanceof FreedomIdServerError && error.code === 'invalid_response') {
      throw new FreedomIdServerError('invalid_response', error.message, {
        field: 'userinfoEndpoint',
        cause: error,
      });
    }
    throw error;
  });
  const reply = parseJson(text);
  if (status !== 200 || !isRecord(reply) || 'error' in reply) {
    throw new FreedomIdServerError(
      'invalid_response',
      `${what} answered HTTP ${status} without a profile (a JSON object): check userinfoEndpoint and the granted scopes.`,
      { field: 'userinfoEndpoint', status, response: reply ?? text },
    );
  }
  if (reply.sub !== sub) {
    throw new FreedomIdServerError(
      'invalid_response',
      `${what} answered for sub ${JSON.stringify(reply.sub)}, not the id_token's: the profile is not this user's and is refused.`,
      { field: 'userinfoEndpoint', status },
    );
  }
  return withStandardNames(reply);
}

/** The profile with each Freedom ID field also under its standard name, unless that name is already there. */
export function withStandardNames(profile: Record<string, unknown>): Record<string, unknown> {
  const mapped: Record<string, unknown> = { ...profile };
  for (const [field, claim] of Object.entries(FREEDOM_ID_FIELDS)) {
    if (profile[field] !== undefined && mapped[claim] === undefined) mapped[claim] = profile[field];
  }
  const { given_name: given, family_name: family } = mapped;
  if (mapped.name === undefined && typeof given === 'string' && typeof family === 'string') {
    mapped.name = `${given} ${family}`;
  }
  return mapped;
}
