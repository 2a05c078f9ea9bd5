import type { IncomingMessage, ServerResponse } from 'node:http';
import { rememberClientAddress } from './client-address.js';
import { errorResponse } from './handler-errors.js';

/** A Web-standard handler, optionally scoped to a path (as `createFreedomIdHandler`'s is). */
type WebHandler = ((request: Request) => Promise<Response>) & { readonly basePath?: string };

/** A `node:http` request listener that Express also accepts as middleware. */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** The most bytes of a body the handler stopped reading that are read and thrown away before the connection is closed. */
export const MAX_DISCARDED_BYTES = 1_048_576;

/**
 * Adapts a Web-standard handler to `node:http` and Express: requests outside the handler's
 * `basePath` go to `next` when there is one (Express), else get the handler's 404. A request that
 * cannot be expressed as a `Request` (a target that is no path, a method Fetch forbids) gets a
 * 400 `bad_request`; no request makes the listener throw.
 * > [!WARNING] Mount it before any body parser (e.g. `express.json()`): it reads the body itself.
 */
export function toNodeListener(handler: WebHandler): NodeListener {
  return (req, res, next) => {
    let incoming: Incoming | null;
    try {
      incoming = toRequest(req, handler.basePath, next !== undefined);
    } catch {
      reply(res, errorResponse('bad_request')).catch(() => res.destroy());
      return;
    }
    if (incoming === null) {
      next?.();
      return;
    }
    const { request, release } = incoming;
    rememberClientAddress(request, req.socket.remoteAddress);
    handler(request)
      .then((response) => reply(res, response))
      .catch((error: unknown) => {
        failed(res, error, next);
      })
      .finally(release);
  };
}

/** A request as the handler sees it, and what to do with any body it left unread once it answered. */
interface Incoming {
  request: Request;
  release: () => void;
}

/** The `Request` for `req`, or null when `req` lies outside `basePath` and Express has a `next`; throws when `req` cannot be one. */
function toRequest(
  req: IncomingMessage,
  basePath: string | undefined,
  passOn: boolean,
): Incoming | null {
  const target = req.url ?? '/';
  // Decided on the target as sent, so Express's own routes see every other request unparsed.
  if (passOn && basePath !== undefined && !target.startsWith(`${basePath}/`)) return null;
  const url = targetUrl(target);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') {
    return { request: new Request(url, { method, headers }), release: () => undefined };
  }
  const body = new RequestBody(req);
  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers,
    body: body.stream,
    duplex: 'half',
  };
  return {
    request: new Request(url, init),
    release: () => {
      body.release();
    },
  };
}

/**
 * The URL of a request target: a path (origin-form) or an absolute `http(s):` URL (absolute-form);
 * anything else throws, a path starting with `//` too (URL parsers read its start as a host).
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-3.2
 */
function targetUrl(target: string): URL {
  if (target.startsWith('/')) {
    if (target.startsWith('//')) throw new TypeError(`Request target ${target} starts with //.`);
    return new URL(`http://localhost${target}`);
  }
  const url = new URL(target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Request target ${target} is neither a path nor an http(s) URL.`);
  }
  return url;
}

/** Writes `response` to `res`, each `Set-Cookie` as its own header. */
async function reply(res: ServerResponse, response: Response): Promise<void> {
  const outgoing: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing['set-cookie'] = cookies;
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.statusText === '') res.writeHead(response.status, outgoing);
  else res.writeHead(response.status, response.statusText, outgoing);
  res.end(body);
}

/** The handler rejected, or its reply could not be written: Express's `next(error)`, else a 500. */
function failed(res: ServerResponse, error: unknown, next?: (error?: unknown) => void): void {
  try {
    if (next !== undefined) {
      next(error);
      return;
    }
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  } catch {
    res.destroy();
  }
}

/**
 * The request body as a Web stream, pulled chunk by chunk only when the handler reads (no
 * `node:stream` import, so the entry loads anywhere). When the handler stops reading (a body over
 * its limit) or answers without reading it all, the rest is read and thrown away, so the client
 * still receives the reply; past {@link MAX_DISCARDED_BYTES} the connection is closed.
 */
class RequestBody {
  readonly stream: ReadableStream<Uint8Array>;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private settled = false;

  constructor(private readonly req: IncomingMessage) {
    this.chunks = req.iterator({ destroyOnReturn: false }) as AsyncIterator<Uint8Array>;
    this.stream = new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const next: IteratorResult<Uint8Array, unknown> = await this.chunks.next();
          if (this.settled) return;
          if (next.done === true) {
            this.settled = true;
            controller.close();
          } else controller.enqueue(new Uint8Array(next.value));
        },
        cancel: () => {
          this.release();
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** Stops handing the body on and throws the rest away; does nothing once the body was read to its end. */
  release(): void {
    if (this.settled) return;
    this.settled = true;
    const { req } = this;
    void Promise.resolve(this.chunks.return?.()).then(() => {
      let discarded = 0;
      req.on('data', (chunk: Uint8Array) => {
        discarded += chunk.byteLength;
        if (discarded > MAX_DISCARDED_BYTES) req.destroy();
      });
      req.resume();
    });
  }
}
