import type { LitElement, ReactiveController } from 'lit';

/** Fits waiting to be measured, read together so a page of buttons costs one layout, not one each. */
const waiting = new Set<LabelFit>();
let flush: Promise<void> | null = null;

/** Measures every waiting fit in one microtask: all reads first (one layout), then the steps. */
function measureSoon(fit: LabelFit): Promise<void> {
  waiting.add(fit);
  flush ??= Promise.resolve().then(() => {
    const fits = [...waiting];
    waiting.clear();
    flush = null;
    for (const overflowing of fits.filter((each) => each.overflows())) overflowing.step();
  });
  return flush;
}

/**
 * Shows the longest label that fits, never one cut mid-word: after an update that may change the
 * label or its room, while the label overflows and a shorter one exists, steps to it; when the
 * host gets wider or a web font loads, starts again from the longest. An update that changes
 * neither (the busy spinner, `disabled`, the sign-in options) forces no layout.
 */
export class LabelFit implements ReactiveController {
  /** The label to show: 0 is the longest. */
  index = 0;
  /** Resolves once the measurement asked for by the last update is done; null when none is waiting. */
  pending: Promise<void> | null = null;
  /** Whether the next update must measure the label (its text or its room may have changed). */
  private stale = true;
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
    if (!this.stale) return;
    this.stale = false;
    this.measure();
  }

  /** Starts again from the longest label (its text or the room for it changed). */
  reset(): void {
    this.index = 0;
    this.stale = true;
  }

  /** Whether the rendered label is cut while a shorter one exists. */
  overflows(): boolean {
    const label = this.host.renderRoot.querySelector('[part=label]');
    return label !== null && label.scrollWidth > label.clientWidth && this.index < this.count() - 1;
  }

  /** Shows the next shorter label, and measures it once rendered. */
  step(): void {
    this.index += 1;
    this.stale = true;
    this.host.requestUpdate();
  }

  private measure(): void {
    const pending = measureSoon(this).then(() => {
      if (this.pending === pending) this.pending = null;
    });
    this.pending = pending;
  }

  private resized(width: number): void {
    const wider = width > this.width;
    this.width = width;
    if (wider && this.index > 0) {
      this.reset();
      this.host.requestUpdate();
    } else {
      this.measure();
    }
  }
}
