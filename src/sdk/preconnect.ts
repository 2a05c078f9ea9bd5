/**
 * Adds `<link rel="preconnect">` to `url`'s origin, once per origin, so the connection to the
 * provider is open before the browser goes there (no-op outside a document).
 * @see https://html.spec.whatwg.org/multipage/links.html#link-type-preconnect
 */
export function preconnect(url: URL): void {
  if (typeof document === 'undefined') return;
  const href = `${url.origin}/`;
  for (const link of document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')) {
    if (link.href === href) return;
  }
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = href;
  document.head.append(link);
}
