// Finds the Chromium the browser tests drive: $CHROME_PATH, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);

/** Returns the first Chromium found, or exits with a one-line message saying what to install. */
export function chromiumPath() {
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    console.error(
      'No Chromium found (looked at $CHROME_PATH and /usr/bin/chromium): install it with `sudo apt-get install -y chromium`, or set CHROME_PATH.',
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
