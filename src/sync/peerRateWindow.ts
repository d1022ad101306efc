// Counts one peer's messages and bytes over the last 60 seconds, to hold it to a rate limit.
import type { LiveLimits } from './liveLimits';

export const RATE_WINDOW_MS = 60_000;

export type RateVerdict = 'ok' | 'messages' | 'bytes';

export interface PeerRateWindow {
  /** Counts a message of `bytes` received at `now` (ms); says which limit, if any, it breaks. */
  admit(bytes: number, now: number): RateVerdict;
}

export function peerRateWindow(limits: Pick<LiveLimits, 'maxMessagesPerMinute' | 'maxBytesPerMinute'>): PeerRateWindow {
  // Arrival times and sizes in a ring that drops what is older than the window; at most maxMessagesPerMinute + 1 kept.
  const times: number[] = [];
  const sizes: number[] = [];
  let head = 0;
  let bytesInWindow = 0;
  return {
    admit(bytes, now) {
      while (head < times.length && (times[head] as number) <= now - RATE_WINDOW_MS) {
        bytesInWindow -= sizes[head] as number;
        head++;
      }
      if (head > 1024 && head * 2 > times.length) {
        times.splice(0, head);
        sizes.splice(0, head);
        head = 0;
      }
      times.push(now);
      sizes.push(bytes);
      bytesInWindow += bytes;
      if (times.length - head > limits.maxMessagesPerMinute) return 'messages';
      if (bytesInWindow > limits.maxBytesPerMinute) return 'bytes';
      return 'ok';
    },
  };
}
