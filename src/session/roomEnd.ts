// "Stop deling for alle" in an awareness room: the field a device sets to end the (series) room for everyone, how a
// peer's end is read, and how this device announces its own before it leaves.
import type { Awareness } from 'y-protocols/awareness';
import { parsePresence, type Presence } from '../core/presence';

/** The awareness field a peer sets to end the room for everyone: the (series) room id it ends. */
export const ENDED = 'ended';
/** How long "end for everyone" stays announced before this device leaves, for the announcement to reach the peers. */
const END_ANNOUNCE_MS = 700;

/** Who ended `roomId` among the other peers (what it announced, or null); undefined when nobody did. */
export function endedBy(awareness: Awareness, roomId: string): Presence | null | undefined {
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId !== awareness.clientID && (state as Record<string, unknown>)[ENDED] === roomId) return parsePresence(state);
  }
  return undefined;
}

/** Announces the end of `roomId` and waits for it to reach the peers; the caller leaves then. */
export async function announceEnd(awareness: Awareness, roomId: string): Promise<void> {
  awareness.setLocalStateField(ENDED, roomId);
  await new Promise((resolve) => setTimeout(resolve, END_ANNOUNCE_MS));
}

/** A room's end as one session sees it: a peer's end stops the session and is reported once; `end` ends it here. */
export interface RoomEnd {
  /** Stops the session and tells the listeners when a peer ended the room; true then. */
  checkPeers(): boolean;
  onEnded(listener: (by: Presence | null) => void): () => void;
  /** Announces the end for everyone, then stops the session. */
  end(): Promise<void>;
}

export function roomEnd(awareness: Awareness, roomId: string, session: { stopped(): boolean; stop(): void }): RoomEnd {
  const listeners = new Set<(by: Presence | null) => void>();
  return {
    checkPeers() {
      const by = endedBy(awareness, roomId);
      if (by === undefined) return false;
      session.stop();
      for (const l of listeners) l(by);
      return true;
    },
    onEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async end() {
      if (session.stopped()) return;
      await announceEnd(awareness, roomId);
      session.stop();
    },
  };
}
