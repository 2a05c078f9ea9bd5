import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Web-standard handler, optionally scoped to a path (as `createFreedomIdHandler`'s is). */
type WebHandler = ((request: Request) => Promise<Response>) & { readonly basePath?: string };

/** A `node:http` request listener that Express also accepts as middleware. */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/**
 * Adapts a Web-standard handler to `node:http` and Express: requests outside the handler's
 * `basePath` go to `next` when there is one (Express), else get the handler's 404.
 * > [!WARNING] Mount it before any body parser (e.g. `express.json()`): it reads the body itself.
 */
export function toNodeListener(handler: WebHandler): NodeListener {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { basePath } = handler;
    if (next !== undefined && basePath !== undefined && !url.pathname.startsWith(`${basePath}/`)) {
      next();
      return;
    }
    respond(handler, req, res, url).catch((error: unknown) => {
      if (next !== undefined) {
        next(error);
        return;
      }
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
  };
}

async function respond(
  handler: WebHandler,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  });
  const response = await handler(request);
  const outgoing: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, outgoing);
  res.end(new Uint8Array(await response.arrayBuffer()));
}

/** The request body as a Web stream, pulled chunk by chunk (no `node:stream` import, so the entry loads anywhere). */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next: IteratorResult<Uint8Array, unknown> = await chunks.next();
      if (next.done === true) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    cancel() {
      req.destroy();
    },
  });
}
