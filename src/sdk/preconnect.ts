/**
 * Adds `<link rel="preconnect">` to `url`'s origin, once per origin, so the connection to the
 * provider is open before the browser goes there.
 * @see https://html.spec.whatwg.org/multipage/links.html#link-type-preconnect
 */
export function preconnect(url: URL): void {
  const href = `${url.origin}/`;
  if (document.head.querySelector(`link[rel=preconnect][href="${href}"]`)) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preconnect', href }));
}
