// When the live gate checks a peer message in a worker with a time limit rather than on the main thread
// (sync/peerGate.ts, sync/README.md "Time limit").

export interface LiveCheckLimits {
  /** An update message larger than this is checked in a worker; smaller ones synchronously, as they arrive. */
  workerCheckBytes: number;
  /** A worker check that has not answered by then disconnects the peer (`timeout`). */
  checkTimeoutMs: number;
}

/**
 * 32 KiB: a keystroke's message is 20–100 bytes and a pasted page of text a few KiB, and checking 32 KiB of typed
 * text synchronously takes about 1 ms, so typing never waits for a worker; what is larger (a newcomer's whole
 * referat, a big paste) is rare and can afford a worker's start. 10 s, as for files: a whole referat of 8 MiB
 * (the message limit) is checked in well under that on a slow machine.
 */
export const DEFAULT_LIVE_CHECK_LIMITS: LiveCheckLimits = {
  workerCheckBytes: 32 * 1024,
  checkTimeoutMs: 10_000,
};
