// Types of summary-reporter.mjs: the parts of @web/test-runner's TestSession it reads.
interface Suite {
  name: string;
  tests: { name: string; passed: boolean; skipped: boolean; error?: { message: string } }[];
  suites: Suite[];
}
interface Session {
  browser: { name: string };
  testFile: string;
  passed?: boolean;
  errors?: { message: string }[];
  testResults?: Suite;
}

export function summaryReporter(options?: { file?: string; log?: (line: string) => void }): {
  onTestRunFinished(args: { sessions: Session[] }): void;
};
