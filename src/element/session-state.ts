import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FreedomIdClient, FreedomIdSession, SignOutResult } from '../index.js';
import { emit } from './events.js';

/** The element a {@link SessionState} serves. */
type Host = ReactiveControllerHost & HTMLElement;

/**
 * With `session-url`: reads the merchant's session when the element connects, and again whenever a
 * sign-in or sign-out in any page of this origin announces a change (the SDK's `onSessionChange`);
 * signs out on request. Fires `freedomid-signed-in` / `freedomid-signed-out` when the state changes.
 */
export class SessionState implements ReactiveController {
  /** The session while signed in; null when signed out, not known yet, or without `session-url`. */
  session: FreedomIdSession | null = null;
  /** A sign-out is running. */
  busy = false;
  /** Whether the state was read or set at least once (the first one is always announced). */
  private known = false;
  /** The `sessionUrl` being watched, and the function that stops watching it. */
  private watched: string | undefined;
  private stop: (() => void) | undefined;
  /** Counts reads and sign-outs: only the latest one's outcome is kept. */
  private turn = 0;

  constructor(
    private readonly host: Host,
    private readonly client: () => FreedomIdClient | null,
    private readonly report: (error: unknown) => void,
  ) {
    host.addController(this);
    // Its own sign-in, told at once (the broadcast also reaches this page, but only as fast as the channel).
    host.addEventListener('freedomid-session', () => {
      if (this.watched !== undefined) void this.read();
    });
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = this.watched = undefined;
  }

  /** Signs out at the backend, then shows the sign-in button; tells every other page too. */
  async signOut(): Promise<void> {
    const client = this.client();
    if (client === null || this.busy) return;
    const turn = ++this.turn;
    this.busy = true;
    this.host.requestUpdate();
    try {
      const result = await client.signOut();
      if (turn === this.turn) this.set(null, result);
    } catch (error) {
      this.report(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Starts watching the client's `sessionUrl` when it changed, and reads it once. */
  private follow(): void {
    const client = this.host.isConnected ? this.client() : null;
    const url = client?.config.sessionUrl?.href;
    if (url === this.watched) return;
    this.hostDisconnected();
    this.watched = url;
    if (client === null || url === undefined) {
      this.session = null;
      this.known = false;
      return;
    }
    this.stop = client.onSessionChange((change) => {
      if (change === 'signed-in') void this.read();
      else {
        this.turn += 1; // A read still in flight answers from before the sign-out.
        this.set(null);
      }
    });
    void this.read();
  }

  private async read(): Promise<void> {
    const client = this.client();
    if (client === null) return;
    const turn = ++this.turn;
    try {
      const session = await client.getSession();
      if (turn === this.turn) this.set(session);
    } catch (error) {
      this.report(error);
    }
  }

  /** Shows `session` (null: signed out) and fires the event when the user signed in or out. */
  private set(session: FreedomIdSession | null, signedOut: SignOutResult = {}): void {
    const before = this.known ? this.session : undefined;
    this.known = true;
    this.session = session;
    this.host.requestUpdate();
    if (session !== null && session.sub !== before?.sub) {
      emit(this.host, 'freedomid-signed-in', { session });
    } else if (session === null && before !== null) {
      emit(this.host, 'freedomid-signed-out', signedOut);
    }
  }
}
