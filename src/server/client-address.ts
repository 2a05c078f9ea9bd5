/** The socket address of each request `toNodeListener` made: a Web `Request` carries none. */
const addresses = new WeakMap<Request, string>();

/** Records the peer address of the socket a request came in on. */
export function rememberClientAddress(request: Request, address: string | undefined): void {
  if (address !== undefined) addresses.set(request, address);
}

/**
 * The socket's peer address of a request made by `toNodeListener` (an IPv4-mapped IPv6 address
 * as plain IPv4), or undefined for any other request.
 * > [!WARNING] Behind a proxy this is the proxy's address: pass `session.clientAddress` to read yours.
 */
export function socketAddress(request: Request): string | undefined {
  const address = addresses.get(request);
  return address?.startsWith('::ffff:') === true ? address.slice(7) : address;
}
