// @web/test-runner launcher for WebKitGTK: Xvfb (when there is no display) + WebKitWebDriver +
// its MiniBrowser, all from Debian, stopped again when the run ends.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export class WebKitGtkLauncher extends WebdriverLauncher {
  #miniBrowser;
  #children = [];
  #driver;
  #logDir;
  #stopping = false;

  /** @param logDir - where Xvfb's and WebKitWebDriver's output goes, a file each. */
  constructor(miniBrowser, { logDir = '.tmp/webkit' } = {}) {
    super({ capabilities: { browserName: 'MiniBrowser' } });
    this.#miniBrowser = miniBrowser;
    this.#logDir = logDir;
    // One window drives every test page in turn, so the scheduler must hand it one file at a time.
    this.concurrency = 1;
  }

  async initialize(config) {
    const env = { ...process.env };
    if (!env.DISPLAY) env.DISPLAY = await this.#startXvfb();
    const port = await freePort();
    this.#driver = this.#spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { env });
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

  /**
   * No heartbeat. Upstream sends a title command every 60 s to keep cloud sessions alive; a local
   * WebKitWebDriver never expires one, and before WebKitGTK 2.54 a command that arrives during a
   * navigation drops that navigation's reply (https://bugs.webkit.org/show_bug.cgi?id=323447), so
   * the page load never answered and the run stopped after 120 s (test/runner/webkit-bug-323447.mjs).
   */
  setupHeartbeat() {}

  /** WebKitWebDriver's process id; the MiniBrowser of each session is its child. */
  get driverPid() {
    return this.#driver?.pid;
  }

  /**
   * Opens a test file's page and waits for it. Upstream leaves this promise unobserved, so a failed
   * navigation became an unhandled rejection that stopped the whole run without a word; here it
   * fails this file, and a browser that is gone is replaced for the files after it.
   */
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    try {
      await this.driverManager.startSession(id, url);
    } catch (error) {
      await this.#replaceLostBrowser(error);
      throw error;
    }
  }

  async stopSession(id) {
    try {
      return await super.stopSession(id);
    } catch (error) {
      await this.#replaceLostBrowser(error);
      throw error;
    }
  }

  /** After a failed command: if the browser session no longer answers, end it so the next file starts a new one. */
  async #replaceLostBrowser(error) {
    const driver = this.driver;
    if (driver === undefined || this.#stopping) return;
    try {
      await driver.getTitle();
      return;
    } catch {
      // the session is gone: fall through
    }
    console.error(
      `WebKit: the browser session ended (${String(error?.message ?? error).split('\n')[0]}); the next test file starts a new one.`,
    );
    this.driver = undefined;
    this.driverManager = undefined;
    await driver.deleteSession().catch(() => {});
  }

  async stop() {
    this.#stopping = true;
    await super.stop();
    this.#killChildren();
  }

  /** Also on the runner's exit: a run that ends abruptly must not leave Xvfb and the driver behind. */
  #killChildren() {
    this.#stopping = true;
    for (const child of this.#children.splice(0)) child.kill('SIGTERM');
  }

  /**
   * Xvfb on a free display. `-noreset`: by default the server resets when its last client leaves,
   * and a MiniBrowser started during that reset (the next e2e session) could not open the display.
   */
  async #startXvfb() {
    const xvfb = this.#spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'],
      { extraFd: true },
    );
    const [chunk] = await once(xvfb.stdio[3], 'data');
    return `:${String(chunk).trim()}`;
  }

  /** Starts a helper process whose output goes to `<logDir>/<name>.log`, and says so if it dies mid-run. */
  #spawn(command, args, { env = process.env, extraFd = false } = {}) {
    mkdirSync(this.#logDir, { recursive: true });
    const log = `${this.#logDir}/${command}.log`;
    const out = openSync(log, 'w');
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', out, out, ...(extraFd ? ['pipe'] : [])],
    });
    closeSync(out); // the child has its own copy
    child.on('exit', (code, signal) => {
      if (this.#stopping) return;
      console.error(
        `WebKit: ${command} ended during the run (${signal ?? `exit code ${code}`}); its output is in ${log}.`,
      );
    });
    this.#children.push(child);
    if (this.#children.length === 1) process.once('exit', () => this.#killChildren());
    return child;
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
