// Types of webkit-launcher.mjs, for test/runner/webkit-launcher.node.test.ts.
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export class WebKitGtkLauncher extends WebdriverLauncher {
  /** @param options.logDir - where Xvfb's and WebKitWebDriver's output goes (default `.tmp/webkit`). */
  constructor(miniBrowser: string, options?: { logDir?: string });
  /** WebKitWebDriver's process id; the MiniBrowser of each session is its child. */
  readonly driverPid: number | undefined;
}
