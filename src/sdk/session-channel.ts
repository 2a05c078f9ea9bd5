/** A change of the signed-in state, as told to this origin's other pages. */
export type SessionChange = 'signed-in' | 'signed-out';

/** The BroadcastChannel every page of the origin shares. */
const CHANNEL = 'freedomid-session';

interface SessionMessage {
  change: SessionChange;
  /** The `sessionUrl` whose session changed: pages watching another backend ignore it. */
  url: string;
}

/** The channel this page posts on, opened once and kept open (a WebKit e2e run once missed a message posted right before `close()`). */
let poster: BroadcastChannel | undefined;

/** Tells every page of this origin (this one's other listeners included) that the session at `url` changed. */
export function announceSession(url: URL, change: SessionChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  poster ??= new BroadcastChannel(CHANNEL);
  poster.postMessage({ change, url: url.href } satisfies SessionMessage);
}

/**
 * Calls `listener` with each change announced for the session at `url`, in any page of this origin;
 * returns the function that stops listening.
 */
export function watchSession(url: URL, listener: (change: SessionChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<Partial<SessionMessage> | null>) => {
    const change = data?.change;
    if (data?.url === url.href && (change === 'signed-in' || change === 'signed-out')) {
      listener(change);
    }
  };
  return () => {
    channel.close();
  };
}
