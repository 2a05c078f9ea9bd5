import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells its element when the page is ready (its own scripts ran, so their listeners hear the
 * element's events) and when it is shown again from the back/forward cache.
 */
export class PageLifecycle implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly ready: () => void,
    private readonly restored: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.onPageShow);
    if (document.readyState !== 'loading') this.ready();
    else document.addEventListener('DOMContentLoaded', this.ready, { once: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.onPageShow);
    document.removeEventListener('DOMContentLoaded', this.ready);
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.restored();
  };
}
