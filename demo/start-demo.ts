import { ROUTES, startSandbox, USERS, type Sandbox } from './sandbox/index.js';
import { BASE_PATH, STANDARD_BASE_PATH } from './site/backend.js';
import { CSP_PAGE, PAGES, startSite } from './site/server.js';

/** The demo merchant's client id, as Freedom ID support would issue it; both sandbox providers know it. */
export const DEMO_CLIENT_ID = '0f6b4c2e-8a1d-4e7b-9c3f-5a2d1e0b7c64';

/**
 * The demo client's secret: fixed, so a page and backend of your own can be configured once.
 * > [!WARNING] A development value for the local sandbox only; a real secret comes from Freedom ID support.
 */
export const DEMO_CLIENT_SECRET = 'sandbox-secret-for-development-only';

/** The grants the demo pages ask for. */
export const DEMO_SCOPE = 'openid read.profile read.email read.phone';

/** The test user to sign in as on the sandbox (any password). */
export const DEMO_USER = USERS[0];

/** A running demo: the merchant site, the two sandbox providers, and a way to stop all three. */
export interface Demo {
  readonly siteUrl: string;
  /** The Freedom-ID-shaped provider's issuer (the `authority`), no trailing slash. */
  readonly sandboxUrl: string;
  /** The standards-shaped provider's issuer, with its trailing slash. */
  readonly standardUrl: string;
  /** The redirect URI the standard-shape backend (at `STANDARD_BASE_PATH`) accepts: the site's root page. */
  readonly standardRedirectUri: string;
  /** The redirect URI of each demo page, by page name. */
  readonly pages: Readonly<Record<(typeof PAGES)[number], string>>;
  close(): Promise<void>;
}

/** Where the demo listens; port 0 picks a free one. */
export interface DemoOptions {
  sitePort?: number;
  sandboxPort?: number;
  standardPort?: number;
  /** Redirect URIs to register besides the demo pages' (loopback ones need no registering). */
  redirectUris?: readonly string[];
}

/** Starts the merchant site and both sandbox providers on 127.0.0.1. */
export async function startDemo({
  sitePort = 0,
  sandboxPort = 0,
  standardPort = 0,
  redirectUris: extra = [],
}: DemoOptions = {}): Promise<Demo> {
  const site = await startSite(sitePort);
  const pages = Object.fromEntries(
    PAGES.map((page) => [page, `${site.url}/demo/${page}.html`]),
  ) as Record<(typeof PAGES)[number], string>;
  const redirectUris = [...Object.values(pages), `${site.url}${CSP_PAGE}`];
  const standardRedirectUri = `${site.url}/`;
  const clients = [
    {
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      redirectUris: [...redirectUris, standardRedirectUri, ...extra],
      // Signing out at a sandbox ends the demo's session: Freedom ID's revoke call, or a logout_token.
      revokeUri: `${site.url}${BASE_PATH}/revoke`,
      backchannelLogoutUri: `${site.url}${STANDARD_BASE_PATH}/backchannel-logout`,
    },
  ];
  const started: Sandbox[] = [];
  try {
    started.push(await startSandbox({ port: sandboxPort, clients }));
    started.push(await startSandbox({ port: standardPort, clients, shape: 'standard' }));
  } catch (error) {
    await Promise.all([site.close(), ...started.map((sandbox) => sandbox.close())]);
    throw error;
  }
  const [sandbox, standard] = started as [Sandbox, Sandbox];
  try {
    site.configure({
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      issuer: sandbox.url,
      tokenEndpoint: `${sandbox.url}${ROUTES.token}`,
      jwksUri: `${sandbox.url}${ROUTES.jwks}`,
      userinfoEndpoint: `${sandbox.url}${ROUTES.userinfo}`,
      redirectUris,
      scope: DEMO_SCOPE,
      standard: {
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        issuer: standard.url,
        discovery: true,
        clientAuth: 'client_secret_post',
        redirectUris: [standardRedirectUri],
      },
    });
  } catch (error) {
    // A refused configuration must not leave three servers holding the process open.
    await Promise.all([site.close(), sandbox.close(), standard.close()]);
    throw error;
  }
  return {
    siteUrl: site.url,
    sandboxUrl: sandbox.url,
    standardUrl: standard.url,
    standardRedirectUri,
    pages,
    close: async () => {
      await Promise.all([site.close(), sandbox.close(), standard.close()]);
    },
  };
}
