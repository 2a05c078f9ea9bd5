// `npm start` on a busy port: one line naming the variable to set, no EADDRINUSE stack (issue 23 item 9).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

function listen(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(server);
    });
  });
}

function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start', () => {
  let busy: Server;
  let port: number;
  before(async () => {
    busy = await listen();
    port = (busy.address() as AddressInfo).port;
  });
  after(
    () =>
      new Promise<void>((resolve) =>
        busy.close(() => {
          resolve();
        }),
      ),
  );

  const variables = ['FREEDOMID_SITE_PORT', 'FREEDOMID_SANDBOX_PORT', 'FREEDOMID_STANDARD_PORT'];
  for (const name of variables) {
    describe(`when ${name}'s port is taken`, () => {
      it('exits 1 with one line naming the variable, before building', async () => {
        // The other two ports are free ones (0 picks one), so only the busy one can be named.
        const env = Object.fromEntries(variables.map((other) => [other, '0']));
        const { code, stdout, stderr } = await start({ ...env, [name]: String(port) });

        assert.equal(code, 1);
        assert.equal(
          stderr,
          `Port ${port} on 127.0.0.1 is in use (another npm start?): stop it, or set ${name} to a free port, e.g. ${name}=${port + 10} npm start.\n`,
        );
        assert.equal(stdout, '');
      });
    });
  }
});
