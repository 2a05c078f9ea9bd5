// Hostile and malformed requests sent as literal bytes to toNodeListener on a real node:http server.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createFreedomIdHandler, toNodeListener } from '../../src/server/index.js';
import { MAX_DISCARDED_BYTES } from '../../src/server/node-listener.js';
import { head, lastGet, rawExchange } from './raw-http.js';
import { CLIENT_ID, CLIENT_SECRET } from './fixtures.js';

const PAGE = 'http://127.0.0.1:8080';
const PARAMS = '/api/freedomid/params';
const CALLBACK = '/api/freedomid/callback';

/** Replaces a property of each request with a getter that throws, when set. */
let sabotage: 'url' | 'headers' | undefined;
const servers: Server[] = [];
const ports = { plain: 0, express: 0 };

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

before(async () => {
  const listener = toNodeListener(
    createFreedomIdHandler({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `${PAGE}/login`,
      cookieSecret: 'a-cookie-secret-of-at-least-32-bytes!',
      onSignIn: () => ({}),
      onError: () => undefined,
    }),
  );
  ports.plain = await listen(
    createServer((req, res) => {
      if (sabotage !== undefined) {
        const name = sabotage;
        Object.defineProperty(req, name, {
          get: () => {
            throw new Error(`the ${name} getter broke`);
          },
        });
      }
      listener(req, res);
    }),
  );
  // Express-style: other paths go to `next`.
  ports.express = await listen(
    createServer((req, res) => {
      listener(req, res, () => res.writeHead(204).end());
    }),
  );
});
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The server still answers a sign-in's first request on a fresh connection. */
async function stillServing(port: number): Promise<void> {
  assert.deepEqual((await rawExchange(port, [lastGet(PARAMS)])).statuses, [200]);
}

/** A callback POST head for a body of `length` bytes (chunked when undefined). */
function callbackHead(length: number | undefined, origin = PAGE): string {
  return head(`POST ${CALLBACK} HTTP/1.1`, [
    `Origin: ${origin}`,
    'Content-Type: application/json',
    length === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`,
  ]);
}

function jsonBody(bytes: number): string {
  const body = JSON.stringify({ code: 'a-code', state: 'a-state', pad: '' });
  return body.replace('"pad":""', `"pad":"${'x'.repeat(bytes - body.length)}"`);
}

function chunked(body: string): string {
  return `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
}

// A listener that dies leaves its connections open: the limit turns that hang into a failure.
describe('toNodeListener, given requests as literal bytes', { timeout: 30_000 }, () => {
  describe('when the request cannot be a Request, it answers 400 bad_request and keeps serving', () => {
    const requests: { title: string; request: string }[] = [
      { title: 'GET //[', request: lastGet('//[') },
      { title: 'GET http://[', request: lastGet('http://[') },
      { title: 'GET //:99999', request: lastGet('//:99999') },
      { title: 'GET //a:b@', request: lastGet('//a:b@') },
      {
        title: 'a path starting with // into basePath',
        request: lastGet(`//evil.example${PARAMS}`),
      },
      { title: 'GET *', request: lastGet('*') },
      { title: 'OPTIONS *', request: head('OPTIONS * HTTP/1.1', ['Connection: close']) },
      { title: 'an ftp: absolute-form target', request: lastGet(`ftp://shop.example${PARAMS}`) },
      {
        title: 'TRACE (a method Fetch forbids)',
        request: head(`TRACE ${PARAMS} HTTP/1.1`, ['Connection: close']),
      },

      {
        title: 'POST //[ with a body',
        request: head('POST //[ HTTP/1.1', ['Content-Length: 2', 'Connection: close']) + '{}',
      },
    ];
    for (const { title, request } of requests) {
      it(title, async () => {
        const reply = await rawExchange(ports.plain, [request]);

        assert.deepEqual(reply.statuses, [400]);
        assert.deepEqual(reply.errors, ['bad_request']);
        await stillServing(ports.plain);
      });
    }

    for (const property of ['url', 'headers'] as const) {
      it(`a request whose ${property} getter throws`, async () => {
        sabotage = property;
        let reply;
        try {
          reply = await rawExchange(ports.plain, [lastGet(PARAMS)]);
        } finally {
          sabotage = undefined;
        }

        assert.deepEqual(reply.statuses, [400]);
        assert.deepEqual(reply.errors, ['bad_request']);
        await stillServing(ports.plain);
      });
    }

    // node:http refuses these itself, before the listener runs: still 400, still serving.
    const refusedByNode: { title: string; request: string }[] = [
      { title: 'TRACK', request: head(`TRACK ${PARAMS} HTTP/1.1`, ['Connection: close']) },
      {
        title: 'a header value with a control character',
        request: head(`GET ${PARAMS} HTTP/1.1`, ['X-Odd: a\x01b', 'Connection: close']),
      },
      {
        title: 'a header value with DEL',
        request: head(`GET ${PARAMS} HTTP/1.1`, ['X-Odd: a\x7fb', 'Connection: close']),
      },
    ];
    for (const { title, request } of refusedByNode) {
      it(`${title} (refused by node:http itself)`, async () => {
        assert.deepEqual((await rawExchange(ports.plain, [request])).statuses, [400]);
        await stillServing(ports.plain);
      });
    }

    it('with Express’s next: a malformed target inside basePath is answered, one outside passed on unparsed', async () => {
      const inside = await rawExchange(ports.express, [lastGet(`${PARAMS}/../[`)]);
      const outside = await rawExchange(ports.express, [lastGet('/shop?q={|}')]);
      const scheme = await rawExchange(ports.express, [lastGet('//[')]);

      assert.deepEqual(inside.statuses, [404], 'a path: the handler’s own not_found');
      assert.deepEqual(outside.statuses, [204]);
      assert.deepEqual(scheme.statuses, [204], 'not under basePath as sent: Express decides');
      await stillServing(ports.express);
    });

    it('answers odd but valid requests as the handler does', async () => {
      const reply = await rawExchange(ports.plain, [
        head(`PROPFIND ${PARAMS} HTTP/1.1`),
        head(`GET ${PARAMS} HTTP/1.1`, ['X-Latin1: caf\xe9']),
        head(`GET ${PARAMS}?x={|} HTTP/1.1`, ['Host: [']),
        head(`GET http://shop.example${PARAMS} HTTP/1.0`),
      ]);

      assert.deepEqual(reply.statuses, [405, 200, 200, 200]);
    });
  });

  describe('when a callback body is over 16 KB, the client receives 400 invalid_request', () => {
    const sizes = [16_385, 200_000];
    for (const bytes of sizes) {
      for (const framing of ['Content-Length', 'chunked'] as const) {
        it(`${bytes} bytes, ${framing}: then the same connection serves the next request`, async () => {
          const body = jsonBody(bytes);
          const request =
            framing === 'chunked'
              ? callbackHead(undefined) + chunked(body)
              : callbackHead(body.length) + body;

          const reply = await rawExchange(ports.plain, [request, lastGet(PARAMS)]);

          assert.deepEqual(reply.statuses, [400, 200]);
          assert.deepEqual(reply.errors, ['invalid_request']);
        });
      }
    }

    it('a refusal that never reads the body (a foreign Origin) leaves the connection usable too', async () => {
      const body = jsonBody(100_000);

      const reply = await rawExchange(ports.plain, [
        callbackHead(body.length, 'https://evil.example') + body,
        lastGet(PARAMS),
      ]);

      assert.deepEqual(reply.statuses, [403, 200]);
      assert.deepEqual(reply.errors, ['forbidden_origin']);
    });

    it(`a body past ${MAX_DISCARDED_BYTES} discarded bytes: the connection is closed, the server keeps serving`, async () => {
      const body = jsonBody(MAX_DISCARDED_BYTES * 3);

      const reply = await rawExchange(ports.plain, [callbackHead(body.length) + body]);

      assert.ok(reply.statuses.every((status) => status === 400));
      await stillServing(ports.plain);
    });
  });
});
