// Types of webkit-launcher.mjs, for test/runner/webkit-launcher.node.test.ts.
import type { TestRunnerCoreConfig } from '@web/test-runner-core';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export class WebKitGtkLauncher extends WebdriverLauncher {
  constructor(miniBrowser: string);
  initialize(config: TestRunnerCoreConfig): Promise<void>;
  /** WebKitWebDriver's process id; the MiniBrowser of each session is its child. */
  readonly driverPid: number | undefined;
}
