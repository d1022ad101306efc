// The limits every live peer's messages are held to: per message, and per peer per minute (sync/peerGate.ts).

export interface LiveLimits {
  /** A message larger than this is refused before anything decodes it. */
  maxMessageBytes: number;
  /** Messages one peer may send in any 60 seconds (updates, awareness, handshakes alike). */
  maxMessagesPerMinute: number;
  /** Bytes one peer may send in any 60 seconds. */
  maxBytesPerMinute: number;
}

/**
 * 8 MiB per message: the first sync of a peer carries everything this copy lacks, so it must hold a whole referat
 * with its history; decoding the largest message allowed stays a short pause on the main thread. Larger copies travel
 * as files, which are checked in a worker with a time limit. 12,000 messages a minute (200 a second) leaves room
 * for a room of 20 peers that each relay everyone's keystrokes and cursor moves; 32 MiB a minute lets one full sync
 * and its relays through, and bounds what one member can add to every copy's kept history to that much a minute.
 */
export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxMessagesPerMinute: 12_000,
  maxBytesPerMinute: 32 * 1024 * 1024,
};
