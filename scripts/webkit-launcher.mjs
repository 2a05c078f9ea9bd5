// @web/test-runner launcher for WebKitGTK: Xvfb (when there is no display) + WebKitWebDriver +
// its MiniBrowser, all from Debian, stopped again when the run ends.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export class WebKitGtkLauncher extends WebdriverLauncher {
  #miniBrowser;
  #children = [];

  constructor(miniBrowser) {
    super({ capabilities: { browserName: 'MiniBrowser' } });
    this.#miniBrowser = miniBrowser;
    // One window drives every test page in turn, so the scheduler must hand it one file at a time.
    this.concurrency = 1;
  }

  async initialize(config) {
    const env = { ...process.env };
    if (!env.DISPLAY) env.DISPLAY = await this.#startXvfb();
    const port = await freePort();
    const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
      env,
      stdio: 'ignore',
    });
    this.#children.push(driver);
    await waitForStatus(`http://127.0.0.1:${port}/status`);
    this.options = {
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: this.#miniBrowser, args: ['--automation'] },
      },
    };
    // WebKit runs one test file at a time: with several, the runner uses iframes and sendMouse fails.
    await super.initialize({ ...config, concurrency: 1 });
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    for (const child of this.#children.splice(0)) child.kill('SIGTERM');
  }

  async #startXvfb() {
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      },
    );
    this.#children.push(xvfb);
    const [chunk] = await once(xvfb.stdio[3], 'data');
    return `:${String(chunk).trim()}`;
  }
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function waitForStatus(url, deadline = Date.now() + 20000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url} within 20 s.`);
}
