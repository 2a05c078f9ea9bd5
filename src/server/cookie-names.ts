/**
 * The name a cookie of ours gets: `__Host-` + `base` when the deployment is secure, so the browser
 * keeps it only if Secure, `Path=/` and without Domain, and no sibling subdomain can set or shadow
 * it; plain `base` on plain-http loopback, where WebKit drops every Secure cookie.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#name-the-__host-prefix
 */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}
