import { describe, expect, it } from 'vitest';
import { peerRateWindow, RATE_WINDOW_MS } from './peerRateWindow';

describe('peerRateWindow', () => {
  it('counts messages and bytes over the last minute only', () => {
    const rate = peerRateWindow({ maxMessagesPerMinute: 3, maxBytesPerMinute: 1000 });
    expect(rate.admit(100, 0)).toBe('ok');
    expect(rate.admit(100, 10)).toBe('ok');
    expect(rate.admit(100, 20)).toBe('ok');
    expect(rate.admit(100, 30)).toBe('messages');
    // A minute after the first, it has left the window.
    const later = peerRateWindow({ maxMessagesPerMinute: 3, maxBytesPerMinute: 1000 });
    for (const t of [0, 10, 20]) later.admit(100, t);
    expect(later.admit(100, RATE_WINDOW_MS + 5)).toBe('ok');
  });

  it('holds a peer to the bytes a minute', () => {
    const rate = peerRateWindow({ maxMessagesPerMinute: 100, maxBytesPerMinute: 1000 });
    expect(rate.admit(600, 0)).toBe('ok');
    expect(rate.admit(401, 1)).toBe('bytes');
    const slow = peerRateWindow({ maxMessagesPerMinute: 100, maxBytesPerMinute: 1000 });
    expect(slow.admit(600, 0)).toBe('ok');
    expect(slow.admit(600, RATE_WINDOW_MS)).toBe('ok');
  });
});
