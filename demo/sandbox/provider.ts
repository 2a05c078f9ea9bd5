import './quiet-notices.js';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, {
  type Client,
  type ClientMetadata,
  type KoaContext,
  type Middleware,
} from 'oidc-provider';
import { freedomIdShape, ROUTES } from './freedom-id-shape.js';
import { asText, createInteractions, ReturnLinks } from './interactions.js';
import { errorPage, PAGE_HEADERS, signedOutPage, signOutPage } from './pages.js';
import { STANDARD_ROUTES, standardShape } from './standard-shape.js';
import { pickLocale } from './strings.js';
import { claimsForScope, findTestUser, GRANT_CLAIMS, GRANTS } from '../../src/testing/users.js';

/** A client the sandbox knows, as Freedom ID support would register it. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Freedom ID's shape: the partner's registered `revoke_uri`, POSTed `{"id": "<token id>"}` when the user signs out at the sandbox. */
  revokeUri?: string;
  /** The standard shape: the client's `backchannel_logout_uri` (OIDC Back-Channel Logout 1.0 §2.2). */
  backchannelLogoutUri?: string;
}

/** The two providers the sandbox can be: Freedom ID's shape, or a plain standard one. */
export type SandboxShape = 'freedom-id' | 'standard';

/** What differs between the shapes; the rest (flow, users, grants, pages) is shared. */
const SHAPES: Readonly<
  Record<
    SandboxShape,
    { routes: Record<string, string>; clientAuth: string; middleware: Middleware }
  >
> = {
  // Freedom ID's published paths, a JSON token request with HTTP Basic, its error envelope.
  'freedom-id': { routes: ROUTES, clientAuth: 'client_secret_basic', middleware: freedomIdShape },
  // OAuth 2.0 as written (RFC 6749 §4.1.3): a form-encoded token request, the secret in the body.
  standard: {
    routes: STANDARD_ROUTES,
    clientAuth: 'client_secret_post',
    middleware: standardShape,
  },
};

/** Whether `uri` is a plain-http loopback URL (RFC 8252 §7.3), which every sandbox client may use. */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
    url.username === '' &&
    url.password === '' &&
    url.hash === ''
  );
}

/**
 * Creates oidc-provider in one of the sandbox's shapes, answering requests with the sandbox's own
 * sign-in and consent pages: the authorization code flow only, optional PKCE, scope claims in the
 * id_token, a fresh RS256 key, and any loopback redirect URI accepted besides the registered ones.
 */
export async function createProvider(
  issuer: string,
  clients: readonly SandboxClient[],
  shape: SandboxShape = 'freedom-id',
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { routes, clientAuth, middleware } = SHAPES[shape];
  const returns = new ReturnLinks();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: clients.map((client) => toMetadata(client, clientAuth, shape)),
    routes: { ...routes },
    scopes: [...GRANTS],
    claims: { openid: ['sub'], ...mutable(GRANT_CLAIMS) },
    responseTypes: ['code'],
    // Freedom ID's example id_token carries the profile: put scope claims in it, not only in userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const user = findTestUser(id);
      return Promise.resolve(
        user === undefined
          ? undefined
          : { accountId: user.claims.sub, claims: (_use, scope) => claimsForScope(user, scope) },
      );
    },
    // Freedom ID answers every code exchange with a refresh_token.
    issueRefreshToken: (_ctx, client) => Promise.resolve(client.grantTypeAllowed('refresh_token')),
    pkce: { required: () => false },
    // Explicit lifetimes in seconds (oidc-provider asks for them instead of using its defaults).
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 86400,
      Session: 3600,
    },
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clientBasedCORS: () => false,
    // oidc-provider refuses loopback addresses for its outgoing calls (SSRF protection); the
    // sandbox's merchants live on loopback, so a loopback back-channel logout goes out unguarded.
    fetch: (url: URL | string, options: RequestInit & { dispatcher?: unknown }) => {
      if (!isLoopbackRedirect(new URL(url).origin + '/')) return fetch(url, options);
      const unguarded = { ...options };
      delete unguarded.dispatcher;
      return fetch(url, unguarded);
    },
    renderError: (ctx, out) => {
      // A resumed interaction that is gone (e.g. Back into it) still knows its way back.
      const uid = ctx.path.startsWith(`${routes.authorization}/`)
        ? ctx.path.slice(routes.authorization.length + 1)
        : undefined;
      const origin = returns.lookUp(uid);
      const params = ctx.oidc?.params ?? {};
      // Else a page the client registered: never the request's own redirect_uri, which was refused.
      const back = origin?.back ?? registeredPage(clients, params.client_id, params.redirect_uri);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
      ctx.body = errorPage({
        locale: origin?.locale ?? pickLocale(params.ui_locales, ctx.get('accept-language')),
        ...(back === undefined ? {} : { back }),
        error: { code: asText(out.error), description: asText(out.error_description) },
      });
      return Promise.resolve();
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // Signing out at the sandbox tells each client: Freedom ID's revoke call, or a logout_token.
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContext, form: string) => {
          for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
          ctx.body = signOutPage({ locale: localeOf(ctx), form });
          return Promise.resolve();
        },
        postLogoutSuccessSource: (ctx: KoaContext) => {
          for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
          ctx.body = signedOutPage(localeOf(ctx));
          return Promise.resolve();
        },
      },
    },
  });
  if (shape === 'freedom-id') provider.Client.prototype.backchannelLogout = revokeCall;
  // A merchant that refused the sign-out call is told in the sandbox's log, one line.
  provider.on('backchannel.error', (_ctx: unknown, error: unknown) => {
    console.warn(
      `sandbox: sign-out call refused: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const allowed = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function (this: Client, uri: string) {
    return isLoopbackRedirect(uri) || allowed.call(this, uri);
  };
  provider.use(middleware);
  const interactions = createInteractions(provider, returns);
  const handle = provider.callback();
  return (req, res) => {
    if (req.url?.startsWith('/interaction/') === true) {
      interactions(req, res).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Sandbox error: see its log.');
      });
    } else {
      handle(req, res);
    }
  };
}

/** The page language of a sign-out page: its `ui_locales`, else Accept-Language, else Russian. */
function localeOf(ctx: KoaContext) {
  return pickLocale(ctx.oidc?.params?.ui_locales, ctx.get('accept-language'));
}

/**
 * Freedom ID's side of a sign-out: POSTs `{"id": "<token id>"}` to the partner's `revoke_uri`, the
 * id being the one the sandbox's token reply carried (oidc-provider's `sid` for that client).
 * > [!NOTE] Freedom ID publishes neither which id it sends nor how it authenticates the call.
 */
async function revokeCall(this: Client, _sub: string, sid: string): Promise<void> {
  const uri = this.backchannelLogoutUri;
  if (uri === undefined) return;
  const response = await fetch(uri, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: sid }),
  });
  await response.body?.cancel();
  if (response.status !== 200 && response.status !== 204) {
    throw new Error(`expected 200 OK from ${uri}, got: ${response.status}`);
  }
}

/**
 * The way back from a refused request: the known client's registered redirect URI on the refused
 * one's origin, else its first; none for an unknown client.
 */
export function registeredPage(
  clients: readonly SandboxClient[],
  clientId: unknown,
  redirectUri: unknown,
): URL | undefined {
  const registered = clients
    .find((client) => client.clientId === clientId)
    ?.redirectUris.map((uri) => new URL(uri));
  if (registered === undefined) return undefined;
  const origin = URL.canParse(asText(redirectUri)) ? new URL(asText(redirectUri)).origin : '';
  const page = registered.find((url) => url.origin === origin) ?? registered.at(0);
  return page === undefined ? undefined : new URL(page.origin + page.pathname);
}

function toMetadata(
  client: SandboxClient,
  clientAuth: string,
  shape: SandboxShape,
): ClientMetadata {
  // Freedom ID's revoke_uri rides on oidc-provider's back-channel slot; revokeCall sends its body.
  const logoutUri = shape === 'freedom-id' ? client.revokeUri : client.backchannelLogoutUri;
  return {
    ...(logoutUri === undefined
      ? {}
      : { backchannel_logout_uri: logoutUri, backchannel_logout_session_required: true }),
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: clientAuth,
  };
}

function mutable(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(map).map(([key, names]) => [key, [...names]]));
}
