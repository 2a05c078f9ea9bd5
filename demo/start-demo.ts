import { randomBytes } from 'node:crypto';
import { ROUTES, startSandbox, USERS } from './sandbox/index.js';
import { CSP_PAGE, PAGES, startSite } from './site/server.js';

/** The demo merchant's client id, as Freedom ID support would issue it. */
export const DEMO_CLIENT_ID = '0f6b4c2e-8a1d-4e7b-9c3f-5a2d1e0b7c64';

/** The grants the demo pages ask for. */
export const DEMO_SCOPE = 'openid read.profile read.email read.phone';

/** The test user to sign in as on the sandbox (any password). */
export const DEMO_USER = USERS[0];

/** A running demo: the merchant site, the sandbox standing in for Freedom ID, and a way to stop both. */
export interface Demo {
  readonly siteUrl: string;
  readonly sandboxUrl: string;
  /** The redirect URI of each demo page, by page name. */
  readonly pages: Readonly<Record<(typeof PAGES)[number], string>>;
  close(): Promise<void>;
}

/** Starts the sandbox and the merchant site on 127.0.0.1 (port 0 picks a free one). */
export async function startDemo({ sitePort = 0, sandboxPort = 0 } = {}): Promise<Demo> {
  const site = await startSite(sitePort);
  const pages = Object.fromEntries(
    PAGES.map((page) => [page, `${site.url}/demo/${page}.html`]),
  ) as Record<(typeof PAGES)[number], string>;
  const clientSecret = randomBytes(24).toString('base64url');
  const redirectUris = [...Object.values(pages), `${site.url}${CSP_PAGE}`];
  let sandbox;
  try {
    sandbox = await startSandbox({
      port: sandboxPort,
      clients: [{ clientId: DEMO_CLIENT_ID, clientSecret, redirectUris }],
    });
  } catch (error) {
    await site.close();
    throw error;
  }
  site.configure({
    clientId: DEMO_CLIENT_ID,
    clientSecret,
    issuer: sandbox.url,
    tokenEndpoint: `${sandbox.url}${ROUTES.token}`,
    jwksUri: `${sandbox.url}${ROUTES.jwks}`,
    redirectUris,
    scope: DEMO_SCOPE,
  });
  const running = sandbox;
  return {
    siteUrl: site.url,
    sandboxUrl: sandbox.url,
    pages,
    close: async () => {
      await Promise.all([site.close(), running.close()]);
    },
  };
}
