import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata } from 'oidc-provider';
import { freedomIdShape, ROUTES } from './freedom-id-shape.js';
import { claimsForScope, findTestUser, GRANT_CLAIMS, GRANTS } from '../../src/testing/users.js';

/** A client the sandbox knows, as Freedom ID support would register it. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/**
 * Creates oidc-provider configured like Freedom ID: the authorization code flow only, client
 * authentication by HTTP Basic, optional PKCE, scope claims in the id_token, a fresh RS256 key.
 */
export async function createProvider(
  issuer: string,
  clients: readonly SandboxClient[],
): Promise<Provider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: clients.map(toMetadata),
    routes: { ...ROUTES },
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
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
      return Promise.resolve();
    },
    features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
  });
  provider.use(freedomIdShape);
  return provider;
}

function toMetadata(client: SandboxClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

function mutable(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(map).map(([key, names]) => [key, [...names]]));
}

/** The sandbox's error page; provider text is escaped, never interpreted as markup. */
function errorPage(out: Record<string, unknown>): string {
  const text = (value: unknown) =>
    (typeof value === 'string' ? value : '').replace(
      /[&<>"']/g,
      (char) => `&#${char.charCodeAt(0)};`,
    );
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Freedom ID sandbox: error</title>
<h1>Freedom ID sandbox: the sign-in cannot continue</h1>
<p><code id="error">${text(out.error)}</code>: <span id="error-description">${text(out.error_description)}</span></p>
<p>Go back to the merchant site and start the sign-in again.</p></html>`;
}
