import type { LitElement, ReactiveController } from 'lit';

/**
 * Shows the longest label that fits, never one cut mid-word: after each update, while the label
 * overflows and a shorter one exists, steps to it; when the host gets wider or a web font
 * loads, starts again from the longest.
 */
export class LabelFit implements ReactiveController {
  /** The label to show: 0 is the longest. */
  index = 0;
  private width = 0;
  private readonly observer = new ResizeObserver(([entry]) => {
    // In a task of its own: changing the label inside the observer's callback could resize the
    // host again within the same frame (a "ResizeObserver loop" error).
    const { width } = entry.contentRect;
    setTimeout(() => {
      this.resized(width);
    });
  });

  /** @param count - how many labels there are to choose from (1: nothing to shorten). */
  constructor(
    private readonly host: LitElement,
    private readonly count: () => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host);
    document.fonts.addEventListener('loadingdone', this.fontsLoaded);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    document.fonts.removeEventListener('loadingdone', this.fontsLoaded);
  }

  /** A web font that arrives after the first render changes the label's width, not the host's. */
  private readonly fontsLoaded = (): void => {
    this.reset();
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    const label = this.host.renderRoot.querySelector('[part=label]');
    if (label !== null && label.scrollWidth > label.clientWidth && this.index < this.count() - 1) {
      this.index += 1;
      this.host.requestUpdate();
    }
  }

  /** Starts again from the longest label (its text or the room for it changed). */
  reset(): void {
    this.index = 0;
  }

  private resized(width: number): void {
    const wider = width > this.width;
    this.width = width;
    if (wider && this.index > 0) {
      this.reset();
      this.host.requestUpdate();
    } else {
      this.hostUpdated();
    }
  }
}
