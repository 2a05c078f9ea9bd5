// freedomid-web's SDK doing the job, through its public entry (the built dist/index.js), with
// navigation captured through the SDK's own `navigate` option.
import { FreedomIdClient } from '../../dist/index.js';
import { AUTHORITY, CLIENT_ID, SCOPE, STATE_TTL_SECONDS, redirectUri } from './config.js';

let client;
let navigateTo = (url) => globalThis.location.assign(url);
const getClient = () =>
  (client ??= new FreedomIdClient({
    clientId: CLIENT_ID,
    redirectUri: redirectUri(),
    authority: AUTHORITY,
    scope: SCOPE,
    pkce: true,
    stateTtlSeconds: STATE_TTL_SECONDS,
    navigate: (url) => navigateTo(url),
  }));

export const createAuthorizationUrl = () => getClient().createAuthorizationUrl();

export function signIn(navigate = navigateTo) {
  navigateTo = navigate;
  return getClient().signIn();
}

export const handleCallback = (href) => getClient().handleCallback(href);
