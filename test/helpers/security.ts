// Shared pieces of the security suite: an in-memory Storage, storage blocking, real-click windows,
// and the SDK helpers (the closed set of error codes, `rejection`).
import { realClick } from './real-click.js';

export {
  ERROR_CODES,
  AUTHORITY,
  CLIENT_ID,
  REDIRECT_URI,
  callbackUrl,
  clearEntries,
  makeClient,
  startSignIn,
  rejection,
  storedEntries,
} from './sdk.js';

/** A Web Storage kept in a Map: the SDK's `storage` option accepts it, and it is fast to reset. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  [name: string]: unknown;

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}

/** Fills `storage` until it refuses a single character more; returns the keys written and the refusal. */
export function fill(storage: Storage): { keys: string[]; refusal: unknown } {
  const keys: string[] = [];
  let refusal: unknown;
  let written = 0;
  for (let chunk = 1 << 20; chunk >= 1;) {
    const key = `fill.${keys.length}`;
    try {
      storage.setItem(key, 'x'.repeat(chunk));
      keys.push(key);
      written += chunk;
      if (written > 256 << 20) throw new Error('this storage took 256 MB without a quota');
    } catch (error) {
      if (!(error instanceof DOMException)) throw error;
      refusal = error;
      chunk = Math.floor(chunk / 2);
    }
  }
  return { keys, refusal };
}

/** Makes `window[name]` throw a SecurityError, as browsers do when site data is blocked; returns the undo. */
export function block(name: 'sessionStorage' | 'localStorage'): () => void {
  const own = Object.getOwnPropertyDescriptor(window, name);
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  return () => {
    if (own === undefined) Reflect.deleteProperty(window, name);
    else Object.defineProperty(window, name, own);
  };
}

/** Opens `path` in a new window named `name` from a real mouse click, the user activation popups need. */
export async function openWindow(path: string, name: string): Promise<Window> {
  const button = document.createElement('button');
  button.textContent = 'Open';
  button.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px';
  const opened: { win: Window | null } = { win: null };
  button.addEventListener(
    'click',
    () => {
      opened.win = window.open(path, name, 'popup,width=600,height=700');
    },
    { once: true },
  );
  document.body.append(button);
  await realClick(button);
  button.remove();
  if (opened.win === null) throw new Error(`the browser did not open ${path}`);
  return opened.win;
}
