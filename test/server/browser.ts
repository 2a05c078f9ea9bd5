// A browser as the handler sees it: a cookie jar for one site, and the requests the SDK makes.
import type { FreedomIdHandler } from '../../src/server/index.js';

/** The page origin of the tests' redirect URI. */
export const PAGE_ORIGIN = 'https://shop.example';

/** What `GET {basePath}/params` answers. */
export interface ParamsReply {
  state: string;
  nonce: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

/** One browser: keeps the cookies the handler sets and sends them back, like a real one. */
export class TestBrowser {
  readonly jar = new Map<string, string>();
  /** Every Set-Cookie header the handler sent, in order. */
  readonly setCookies: string[] = [];

  constructor(readonly basePath = '/api/freedomid') {}

  /** `GET {basePath}/params`, as `params-url` fetches it. */
  async params(
    handler: FreedomIdHandler,
    headers: Record<string, string> = {},
  ): Promise<{ response: Response; body: ParamsReply }> {
    const response = await handler(
      new Request(`${PAGE_ORIGIN}${this.basePath}/params`, {
        headers: { ...this.cookieHeader(), ...headers },
      }),
    );
    this.keep(response);
    return { response, body: (await response.json()) as ParamsReply };
  }

  /** `POST {basePath}/callback` with `body` as the SDK sends it; `headers` override Origin and Content-Type. */
  async callback(
    handler: FreedomIdHandler,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; response: Response }> {
    const response = await handler(
      new Request(`${PAGE_ORIGIN}${this.basePath}/callback`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: PAGE_ORIGIN,
          ...this.cookieHeader(),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    this.keep(response);
    const text = await response.clone().text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      response,
    };
  }

  /** A `Request` to `{basePath}{route}` from the page's origin with this browser's cookies. */
  request(
    method: string,
    route: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Request {
    return new Request(`${PAGE_ORIGIN}${this.basePath}${route}`, {
      method,
      headers: { ...this.cookieHeader(), ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  }

  /** Keeps the cookies a reply sets, as {@link params} and {@link callback} do. */
  keepCookies(response: Response): void {
    this.keep(response);
  }

  private cookieHeader(): Record<string, string> {
    if (this.jar.size === 0) return {};
    return { cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      this.setCookies.push(cookie);
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      if (/Max-Age=0(;|$)/.test(cookie)) this.jar.delete(name);
      else this.jar.set(name, pair.slice(separator + 1));
    }
  }
}

/** A request to any route of the handler from this browser, with its cookies; `headers` add to or override them. */
export async function send(
  browser: TestBrowser,
  handler: FreedomIdHandler,
  method: string,
  route: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: unknown; response: Response }> {
  const request = browser.request(method, route, init);
  const response = await handler(request);
  browser.keepCookies(response);
  const text = await response.clone().text();
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    response,
  };
}
