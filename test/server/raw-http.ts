// Literal bytes to a node:http server over one TCP connection, as a client that reads while it writes.
import { connect } from 'node:net';

/** What came back on one connection: each response's status and JSON `error`, and whether the server closed it. */
export interface RawExchange {
  statuses: number[];
  errors: string[];
  /** Everything received, as latin1 text. */
  text: string;
}

/**
 * Writes `chunks` (latin1 strings or bytes) to `port` on 127.0.0.1 one after the other and resolves
 * once the server closes the connection (end the last request with `Connection: close`).
 */
export function rawExchange(
  port: number,
  chunks: readonly (string | Uint8Array)[],
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      for (const chunk of chunks) {
        socket.write(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
      }
    });
    socket.on('data', (data) => received.push(data));
    // A reset after the replies (a body past the discard limit) still leaves what was received.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('latin1');
      resolve({
        statuses: [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1])),
        errors: [...text.matchAll(/\{"error":"(\w+)"/g)].map((match) => match[1]),
        text,
      });
    });
  });
}

/** A request head: the request line, then `headers`, each as written. */
export function head(requestLine: string, headers: readonly string[] = []): string {
  return `${requestLine}\r\n${['Host: 127.0.0.1', ...headers].join('\r\n')}\r\n\r\n`;
}

/** `GET {path}` with `Connection: close`: the last request on a connection. */
export function lastGet(path: string): string {
  return head(`GET ${path} HTTP/1.1`, ['Connection: close']);
}
