import { describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { keyFingerprint } from './fingerprint';
import { bytesToBase64 } from './base64';
import { sealEntry } from './relayEntry';
import { MAX_ENTRY_BYTES } from './relayEntryLayout';
import { deriveRelayKeys } from './relayKeys';
import { nextPresenceSeq, openPresence, presenceSeqTime, sealPresence } from './relayPresence';

const SECRET = 'q8Vx1n0bD3kR7tY2uW9zA4cE6gH5jL0m';
const DOC = '0f8b2c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b';
const NOW = Date.UTC(2026, 11, 6, 12);
const update = new Uint8Array([1, 2, 3, 4, 5]);

describe('presence through the relay', () => {
  it('opens what a member sealed, with its key, and nothing stale, foreign or of another kind', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const signer = await createTestSigner('Ed25519');
    const seq = nextPresenceSeq(NOW, 0);
    const sealed = await sealPresence({ keys, signer, seq, update, now: NOW });
    const opened = await openPresence(sealed, keys, () => 0);
    expect(opened).toMatchObject({ seq, fingerprint: await keyFingerprint(signer.publicKey) });
    expect(Array.from(opened?.update ?? [])).toEqual([1, 2, 3, 4, 5]);

    // The same or an older seq from the same sender is a replay.
    expect(await openPresence(sealed, keys, () => seq)).toBeNull();
    // Another referat's key, an update entry, garbage and an oversized text are refused.
    expect(await openPresence(sealed, await deriveRelayKeys(SECRET, '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d'), () => 0)).toBeNull();
    const entry = bytesToBase64(await sealEntry({ keys, signer, kind: 'update', seq: 1, body: update, now: NOW }));
    expect(await openPresence(entry, keys, () => 0)).toBeNull();
    for (const bad of [42, null, 'not base64 !', 'AAAA', 'A'.repeat(MAX_ENTRY_BYTES.presence * 2)]) {
      expect(await openPresence(bad, keys, () => 0)).toBeNull();
    }
  });

  it('numbers presence from the clock, always above the last one sent', () => {
    const first = nextPresenceSeq(NOW, 0);
    expect(first).toBeGreaterThan(0);
    expect(nextPresenceSeq(NOW, first)).toBe(first + 1);
    expect(nextPresenceSeq(NOW + 60_000, first)).toBe(first + 600);
    expect(first).toBeLessThan(2 ** 32);
    expect(Math.abs(presenceSeqTime(first) - NOW)).toBeLessThan(100);
  });
});
