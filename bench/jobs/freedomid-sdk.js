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

/** Clients whose values come from `paramsUrl` (the backend-bound default), preparation on or off. */
const paramsClients = new Map();
export function paramsClient(paramsUrl, prepare) {
  const key = `${paramsUrl}|${prepare}`;
  if (!paramsClients.has(key)) {
    paramsClients.set(
      key,
      new FreedomIdClient({
        clientId: CLIENT_ID,
        redirectUri: redirectUri(),
        authority: AUTHORITY,
        scope: SCOPE,
        paramsUrl,
        prepare,
        stateTtlSeconds: STATE_TTL_SECONDS,
        navigate: (url) => navigateTo(url),
      }),
    );
  }
  return paramsClients.get(key);
}

/** Signs in with the `paramsUrl` client (made on first use). */
export function signInWithParams(navigate, paramsUrl, prepare) {
  navigateTo = navigate;
  return paramsClient(paramsUrl, prepare).signIn();
}
