// WebKitGTK (the MiniBrowser under Xvfb) through WebKitWebDriver, behind the e2e page interface.
// Xvfb and the driver come from test/runner/webkit-launcher.mjs; each context is a WebDriver session of
// its own (a fresh MiniBrowser: own cookies and storage), and its windows are its pages.
//
// Before WebKitGTK 2.54 a command that arrives during a navigation drops that navigation's reply
// (https://bugs.webkit.org/show_bug.cgi?id=323447): each session sends one command at a time.
import { remote } from 'webdriverio';
import { browserPath } from '../../../scripts/browser-path.mjs';
import { WebKitGtkLauncher } from '../../runner/webkit-launcher.mjs';
import {
  FIND_SCRIPT,
  poll,
  WAIT_MS,
  type ContextOptions,
  type E2EBrowser,
  type E2EPage,
} from './page.js';

type Session = WebdriverIO.Browser;

/** The W3C WebDriver key of an element reference. */
const ELEMENT = 'element-6066-11e4-a52f-4a6b4ff9466c';

/** One WebDriver session: its commands in order, and the window they go to. */
class Context {
  #queue: Promise<unknown> = Promise.resolve();
  #current: string | undefined;

  constructor(readonly session: Session) {}

  /** Runs `command` in `window` once every earlier command of this session has answered. */
  run<T>(window: string, command: (session: Session) => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      if (this.#current !== window) {
        await this.session.switchToWindow(window);
        this.#current = window;
      }
      return command(this.session);
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Runs a command that is about no window in particular (the window list). */
  any<T>(command: (session: Session) => Promise<T>): Promise<T> {
    const next = this.#queue.then(() => command(this.session));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  forget(window: string): void {
    if (this.#current === window) this.#current = undefined;
  }
}

/** `fn` as a WebDriver script body that calls it with the script's first argument. */
function script(fn: (arg: never) => unknown): string {
  return `return (${String(fn)})(arguments[0]);`;
}

/** Finds `selector`'s element (piercing ` >>> `) and returns its reference, or null. */
const FIND_ELEMENT = `${FIND_SCRIPT}\nreturn find(arguments[0]);`;

function page(context: Context, window: string): E2EPage {
  const run = <T>(command: (session: Session) => Promise<T>) => context.run(window, command);
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    run((session) => session.executeScript(script(fn as never), [arg as never]) as Promise<R>);
  const element = (selector: string) =>
    poll(
      () =>
        run(async (session) => {
          const found = (await session.executeScript(FIND_ELEMENT, [selector])) as Record<
            string,
            string
          > | null;
          return found === null ? undefined : (found[ELEMENT] ?? Object.values(found)[0]);
        }),
      `an element matching ${selector}`,
    );
  const url = () => run((session) => session.getUrl());
  const self: E2EPage = {
    engine: 'webkit',
    goto: async (target) => {
      await run((session) => session.navigateTo(target));
      return evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as { responseStatus?: number } | undefined)
            ?.responseStatus,
      );
    },
    url,
    reload: () => run((session) => session.refresh()),
    goBack: () => run((session) => session.back()),
    goForward: () => run((session) => session.forward()),
    click: async (selector) => {
      const id = await element(selector);
      await run((session) => session.elementClick(id));
    },
    fill: async (selector, value) => {
      const id = await element(selector);
      await run(async (session) => {
        await session.elementClear(id);
        await session.elementSendKeys(id, value);
      });
    },
    waitForSelector: async (selector) => {
      await element(selector);
    },
    waitForURL: (test) =>
      poll(async () => {
        const current = new URL(await url());
        return test(current) ? current : undefined;
      }, 'the page’s URL to change'),
    evaluate,
    waitForFunction: (fn, arg) =>
      poll(async () => {
        const value = await evaluate(fn, arg).catch(() => undefined);
        return value ? value : undefined;
      }, 'a condition in the page'),
    waitForPopup: async (action) => {
      const before = await context.any((session) => session.getWindowHandles());
      await action();
      const opened = await poll(
        () =>
          context.any(async (session) => {
            const handles = await session.getWindowHandles();
            return handles.find((handle) => !before.includes(handle));
          }),
        'a popup window',
      );
      return page(context, opened);
    },
    close: async () => {
      await run((session) => session.closeWindow());
      context.forget(window);
    },
    waitForClose: async () => {
      await poll(
        () =>
          context.any(async (session) =>
            (await session.getWindowHandles()).includes(window) ? undefined : true,
          ),
        'the window to close',
      );
      context.forget(window);
    },
    windows: () => context.any(async (session) => (await session.getWindowHandles()).length),
    clearCookies: () => run((session) => session.deleteAllCookies()),
    setViewport: (width, height) =>
      run(async (session) => {
        await session.setWindowRect(null, null, width, height);
      }),
    screenshot: (path) =>
      run(async (session) => {
        await session.saveScreenshot(path);
      }),
    blockRequests: undefined,
    addInitScript: undefined,
  };
  return self;
}

export async function launchWebKit(): Promise<E2EBrowser> {
  const launcher = new WebKitGtkLauncher(browserPath('webkit'), { logDir: '.tmp/webkit-e2e' });
  await launcher.initialize({ concurrency: 1 } as never);
  const { options } = launcher as unknown as { options: Parameters<typeof remote>[0] };
  const contexts: Context[] = [];
  return {
    engine: 'webkit',
    newPage: async ({ userAgent }: ContextOptions = {}) => {
      const capabilities = structuredClone(options.capabilities) as {
        'webkitgtk:browserOptions': { args: string[] };
      };
      if (userAgent !== undefined)
        capabilities['webkitgtk:browserOptions'].args.push(`--user-agent=${userAgent}`);
      const session = await remote({
        ...options,
        capabilities: capabilities as never,
        logLevel: 'silent',
        // Also the new session's own limit: a MiniBrowser start on a busy machine took over 60 s.
        connectionRetryTimeout: WAIT_MS * 4,
        connectionRetryCount: 0,
      });
      const context = new Context(session);
      contexts.push(context);
      return page(context, await session.getWindowHandle());
    },
    closeContexts: async () => {
      for (const context of contexts.splice(0))
        await context.any((session) => session.deleteSession()).catch(() => {});
    },
    close: () => launcher.stop(),
  };
}
