import { AUTHORIZATION_PATH, REQUIRED_AUTHORIZATION_PARAMS, trimIssuer } from './freedom-id.js';
import { GRANTS } from './users.js';

/** A sign-in request as the browser sent it to Freedom ID's authorization endpoint. */
export interface AuthorizationRequest {
  /** The whole authorization URL. */
  readonly url: URL;
  /** The authorization URL's issuer: the URL without `/openid` and the query. */
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly nonce: string;
  readonly responseType: string;
  /** PKCE (RFC 7636), when the request carried it. */
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: string;
}

/** Reads the parameters of an authorization URL; absent ones read as ''. */
export function parseAuthorizationRequest(url: URL): AuthorizationRequest {
  const read = (name: string) => url.searchParams.get(name) ?? '';
  const challenge = url.searchParams.get('code_challenge');
  const method = url.searchParams.get('code_challenge_method');
  return {
    url,
    issuer: `${url.origin}${url.pathname.replace(new RegExp(`${AUTHORIZATION_PATH}/?$`), '')}`,
    clientId: read('client_id'),
    redirectUri: read('redirect_uri'),
    scope: read('scope'),
    state: read('state'),
    nonce: read('nonce'),
    responseType: read('response_type'),
    ...(challenge === null ? {} : { codeChallenge: challenge }),
    ...(method === null ? {} : { codeChallengeMethod: method }),
  };
}

/**
 * Why Freedom ID (or the sandbox, which checks the same) would refuse `request` instead of
 * sending the user back; empty when it would not.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export function refusalReasons(request: AuthorizationRequest, issuer: string): string[] {
  const reasons: string[] = [];
  const endpoint = `${trimIssuer(issuer)}${AUTHORIZATION_PATH}`;
  if (`${request.url.origin}${request.url.pathname}` !== endpoint) {
    reasons.push(
      `it went to ${request.url.origin}${request.url.pathname}, not ${endpoint} (set the SDK's authority, or the simulator's issuer)`,
    );
  }
  for (const name of REQUIRED_AUTHORIZATION_PARAMS) {
    if (!request.url.searchParams.get(name)) reasons.push(`"${name}" is missing`);
  }
  if (request.responseType !== '' && request.responseType !== 'code') {
    reasons.push(`response_type is "${request.responseType}", not "code"`);
  }
  const grants = request.scope.split(' ').filter((grant) => grant !== '');
  if (request.scope !== '' && !grants.includes('openid')) reasons.push('scope lacks "openid"');
  const unknown = grants.filter((grant) => !GRANTS.includes(grant));
  if (unknown.length > 0) reasons.push(`scope names unknown grants: ${unknown.join(', ')}`);
  if (request.redirectUri !== '' && !isAbsoluteUrl(request.redirectUri)) {
    reasons.push(`redirect_uri "${request.redirectUri}" is not an absolute URL`);
  }
  if (request.codeChallenge !== undefined && request.codeChallengeMethod !== 'S256') {
    reasons.push('code_challenge_method is not "S256"');
  }
  return reasons;
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
