// Bounded load on the signalling server over loopback (issue #14, finding 3): hundreds of sockets from a few
// addresses, subscribe and publish floods, readers that never read. The server runs in a child process so its held
// heap is measured apart from the load; it must stay bounded, and honest pairs must get every message.
import { afterEach, describe, expect, it } from 'vitest';
import { startSignallingChild } from '../../../server/signallingChild.mjs';
import { runSignallingLoad } from '../../../server/signallingLoad.mjs';

type Child = Awaited<ReturnType<typeof startSignallingChild>>;
type Memory = Awaited<ReturnType<Child['measure']>>;

const MiB = 1024 * 1024;
const PLAN = {
  addresses: ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'],
  socketsPerAddress: 70, // 6 over the cap of 64 on each
  topicFlooders: 8,
  topicFloodMessages: 8, // 8 × 8 subscribes of 60 KiB: about 290,000 topics without a cap
  publishFlooders: 8,
  publishesPerFlooder: 600, // 400 over the burst of 200 each
  publishBytes: 16 * 1024, // about 25 MiB for each reader that never reads
  slowReaders: 8,
  honestPairs: 4,
  honestMessages: 50,
  honestIntervalMs: 20,
  deadlineMs: 30_000,
};

const held = (m: Memory) => m.heapUsed + m.arrayBuffers;

/** Measures until `done` holds (the server works through the floods in its own time) or 30 s have passed. */
async function measureWhen(child: Child, done: (m: Memory) => boolean): Promise<Memory> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const memory = await child.measure();
    if (done(memory) || Date.now() > deadline) return memory;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('signalling server under load', () => {
  let child: Child | null = null;
  let closeLoad: (() => void) | null = null;
  afterEach(async () => {
    closeLoad?.();
    await child?.close();
    child = null;
    closeLoad = null;
  });

  it('keeps its heap bounded and delivers every honest message', async () => {
    child = await startSignallingChild();
    const idle = await child.measure();

    const result = await runSignallingLoad(child.url, PLAN);
    closeLoad = result.close;
    const loaded = await measureWhen(child, (m) => m.stats.droppedReceivers >= PLAN.slowReaders);

    // Every honest message arrived, in spite of the floods and of dead readers in the same rooms.
    expect(result.honestSent).toBe(PLAN.honestPairs * PLAN.honestMessages);
    expect(result.honestReceived).toBe(result.honestSent);
    // 64 sockets per address let in, the rest refused at the handshake.
    expect(result.connected).toBe(PLAN.addresses.length * 64);
    expect(result.refusedByStatus).toEqual({ 429: PLAN.addresses.length * 6 });
    // Every reader that stopped reading was dropped; the subscribe flood left at most 32 topics per socket.
    expect(loaded.stats.droppedReceivers).toBe(PLAN.slowReaders);
    expect(loaded.stats.topics).toBeLessThanOrEqual(PLAN.topicFlooders * 32 + PLAN.honestPairs + 1);
    // Over the burst, publishes were dropped (how many depends on how fast the bucket refilled meanwhile).
    expect(loaded.stats.droppedMessages).toBeGreaterThan(0);
    expect(loaded.stats.droppedMessages).toBeLessThanOrEqual(PLAN.publishFlooders * 400);
    // The held heap (V8 heap + Buffers, after a full GC) under load stays within 32 MiB of the idle server's.
    expect(held(loaded) - held(idle)).toBeLessThan(32 * MiB);

    const lines = child.logLines().join('\n');
    for (const limit of ['sockets per address at 64', 'topics per socket over 32', 'messages per second over 100', 'outgoing buffer over 262144 bytes']) {
      expect(lines).toContain(limit);
    }

    result.close();
    closeLoad = null;
    const after = await measureWhen(child, (m) => m.stats.sockets === 0 && m.stats.addresses === 0);
    expect(after.stats).toMatchObject({ sockets: 0, topics: 0, addresses: 0 });
    expect(held(after) - held(idle)).toBeLessThan(8 * MiB);
  }, 120_000);
});
