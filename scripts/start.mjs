// `npm start`: builds the script-tag bundle, then runs the Freedom ID sandbox and the merchant
// demo on 127.0.0.1 until Ctrl-C. Ports: FREEDOMID_SITE_PORT (5173), FREEDOMID_SANDBOX_PORT (9400).
import { spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';

const sitePort = port('FREEDOMID_SITE_PORT', 5173);
const sandboxPort = port('FREEDOMID_SANDBOX_PORT', 9400);

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startDemo, DEMO_USER } = await tsImport('../demo/start-demo.ts', import.meta.url);
const demo = await startDemo({ sitePort, sandboxPort });
console.log(`
  Merchant demo:      ${demo.siteUrl}/
  Freedom ID sandbox: ${demo.sandboxUrl}  (stands in for https://passport.freedompay.kz)
  Sign in as:         ${DEMO_USER.login}  (any password)

  Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

function port(name, fallback) {
  const value = process.env[name] ?? String(fallback);
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    console.error(`${name}="${value}" is not a port number: set it to e.g. ${fallback}.`);
    process.exit(1);
  }
  return number;
}
