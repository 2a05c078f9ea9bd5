import './quiet-notices.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProvider, type SandboxClient, type SandboxShape } from './provider.js';

export type { SandboxClient, SandboxShape } from './provider.js';
export { isLoopbackRedirect } from './provider.js';
export { ROUTES, INVALID_AUTHORIZATION_CODE } from './freedom-id-shape.js';
export { DISCOVERY_PATH, STANDARD_ROUTES } from './standard-shape.js';
// The users live in the testing kit, so the sandbox and merchants' tests share them.
export {
  TEST_USERS as USERS,
  GRANTS,
  GRANT_CLAIMS,
  findTestUser as findUser,
  claimsForScope,
} from '../../src/testing/users.js';
export type {
  TestUser as SandboxUser,
  TestUserClaims as SandboxClaims,
} from '../../src/testing/users.js';

/** Options for {@link startSandbox}. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The clients to register, as Freedom ID support would. */
  clients: readonly SandboxClient[];
  /** Freedom ID's shape (the default), or a plain standard provider's. */
  shape?: SandboxShape;
}

/** A running sandbox and a way to stop it. */
export interface Sandbox {
  /** The issuer exactly as the provider states it: no trailing slash for Freedom ID's shape, one for the standard shape. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts a local OpenID provider on 127.0.0.1: oidc-provider behind Freedom ID's paths and
 * shapes (or a standard provider's), with the test users of `src/testing/users.ts`. For the
 * demo and tests only.
 * > [!WARNING] In-memory storage, sign-in pages that accept any password: never expose it.
 */
export async function startSandbox({
  port = 0,
  clients,
  shape = 'freedom-id',
}: SandboxOptions): Promise<Sandbox> {
  // The issuer names the port, so the provider is created once the server listens.
  const app: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => {
    if (app.handle === undefined) res.writeHead(503).end();
    else app.handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A standard provider's issuer may end in `/` (legal in OIDC), as LemonLDAP::NG's does.
  const url = shape === 'standard' ? `${origin}/` : origin;
  app.handle = await createProvider(url, clients, shape);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
