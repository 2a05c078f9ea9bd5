// Finds the Debian browsers the tests drive, or says in one line what to install.
import { existsSync } from 'node:fs';

/** Each engine: where to look, and the Debian package that provides it. */
const ENGINES = {
  chromium: {
    env: 'CHROME_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    install: 'chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'firefox-esr',
  },
  webkit: {
    env: 'WEBKIT_MINIBROWSER_PATH',
    paths: [
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    ],
    install: 'webkit2gtk-driver xvfb',
  },
};

/** The engines to run: $BROWSERS (comma-separated), else all three. */
export function selectedEngines() {
  const names = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(name in ENGINES)) {
      console.error(
        `BROWSERS lists "${name}": the engines are ${Object.keys(ENGINES).join(', ')}.`,
      );
      process.exit(1);
    }
  }
  return names;
}

/** Returns the engine's executable, or exits with a one-line message saying what to install. */
export function browserPath(engine) {
  const { env, paths, install } = ENGINES[engine];
  const candidates = [process.env[env], ...paths].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    console.error(
      `No ${engine} found (looked at $${env} and ${paths[0]}): install it with \`sudo apt-get install -y ${install}\`, or set ${env}.`,
    );
    process.exit(1);
  }
  return found;
}

/** Flags for a headless Chromium on a closed network, as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
