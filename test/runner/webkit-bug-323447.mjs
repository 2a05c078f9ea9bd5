// Checks this machine's WebKitWebDriver for https://bugs.webkit.org/show_bug.cgi?id=323447: a
// command that arrives while a navigation loads drops the navigation's reply (fixed in WebKitGTK
// 2.54). Navigates to a page with a slow script, sends a title command mid-load, and waits.
// `node test/runner/webkit-bug-323447.mjs [trials] [alone]`; exits 1 when a navigation never answered.
// With `alone`, no title command is sent: the control, whose navigations all answer.
import { createServer } from 'node:http';
import { remote } from 'webdriverio';
import { browserPath } from '../../scripts/browser-path.mjs';
import { WebKitGtkLauncher } from './webkit-launcher.mjs';

const TRIALS = Number(process.argv[2] ?? 5);
const ALONE = process.argv[3] === 'alone';
const ANSWER_WITHIN_MS = 20000;

const server = createServer((request, response) => {
  if (request.url?.startsWith('/slow.js')) {
    setTimeout(() => response.end(''), 1000);
    return;
  }
  response.setHeader('content-type', 'text/html');
  response.end(`<title>trial</title><script src="/slow.js?${request.url}"></script>`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const launcher = new WebKitGtkLauncher(browserPath('webkit'));
await launcher.initialize({ concurrency: 1 });
const driver = await remote({
  ...launcher.options,
  logLevel: 'silent',
  connectionRetryTimeout: ANSWER_WITHIN_MS,
  connectionRetryCount: 0,
});

let lost = 0;
for (let trial = 1; trial <= TRIALS; trial++) {
  const started = Date.now();
  const navigation = driver.navigateTo(`${base}/trial-${trial}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const title = ALONE ? undefined : driver.getTitle().catch(() => undefined);
  const answered = await navigation.then(
    () => true,
    () => false,
  );
  await title;
  if (!answered) lost++;
  console.log(
    `trial ${trial}: ${answered ? `navigation answered in ${Date.now() - started} ms` : `navigation did not answer within ${ANSWER_WITHIN_MS / 1000} s`}`,
  );
  await driver.navigateTo('about:blank').catch(() => {});
}
console.log(
  lost === 0
    ? `No navigation lost its reply in ${TRIALS} trials.`
    : `${lost} of ${TRIALS} navigations lost their reply: this WebKitWebDriver has bug 323447; send no command during a navigation.`,
);
await driver.deleteSession().catch(() => {});
await launcher.stop();
server.close();
process.exit(lost === 0 ? 0 : 1);
