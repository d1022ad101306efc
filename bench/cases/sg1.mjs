// SG1: the signalling server under a bounded load on loopback (server/signallingLoad.mjs: 280 sockets from four
// addresses, subscribe and publish floods, readers that never read, four honest pairs): the heap it holds (V8 heap +
// Buffers after a full GC, in its own process) and the honest pairs' delivery latency, against the same server
// serving only the honest pairs (the floor).
import { startSignallingChild } from '../../server/signallingChild.mjs';
import { runSignallingLoad } from '../../server/signallingLoad.mjs';
import { alternate } from '../alternate.mjs';
import { fmtBytes, fmtMs } from '../format.mjs';
import { distribution, makeRow, medianOf } from '../rows.mjs';

const MiB = 1024 * 1024;
const HEAP_MARGIN = 32 * MiB;

/** @type {import('../../server/signallingLoad.mjs').LoadPlan} */
const LOAD = {
  addresses: ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'],
  socketsPerAddress: 70,
  topicFlooders: 8,
  topicFloodMessages: 8,
  publishFlooders: 8,
  publishesPerFlooder: 600,
  publishBytes: 16 * 1024,
  slowReaders: 8,
  honestPairs: 4,
  honestMessages: 50,
  honestIntervalMs: 20,
  deadlineMs: 30_000,
};

/** The floor: the same honest pairs, nobody else. */
const NO_LOAD = { ...LOAD, addresses: [], socketsPerAddress: 0, topicFlooders: 0, publishFlooders: 0, slowReaders: 0 };

/**
 * @param {import('../../server/signallingChild.mjs').HeldMemory} m
 * @returns {number}
 */
const held = (m) => m.heapUsed + m.arrayBuffers;

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const rounds = ctx.quick ? 1 : 4;
  /** @type {{ app: number[], floor: number[] }} */
  const latencies = { app: [], floor: [] };
  /** @type {string[]} */
  const notes = [];
  let undelivered = 0;
  let idleHeld = 0;

  /**
   * One round: a fresh server process, the plan, its held memory once it has worked through the floods.
   * @param {'app' | 'floor'} side
   * @returns {Promise<number>} held bytes
   */
  const round = async (side) => {
    const child = await startSignallingChild();
    try {
      idleHeld = held(await child.measure());
      const plan = side === 'app' ? LOAD : NO_LOAD;
      const result = await runSignallingLoad(child.url, plan);
      try {
        const deadline = Date.now() + 30_000;
        let memory = await child.measure();
        while (memory.stats.droppedReceivers < plan.slowReaders && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          memory = await child.measure();
        }
        latencies[side].push(...result.latencies);
        undelivered += result.honestSent - result.honestReceived;
        if (side === 'app') {
          const s = memory.stats;
          notes.push(
            `${result.connected} of ${result.attempted} hostile sockets let in (${Object.entries(result.refusedByStatus).map(([k, v]) => `${v}× ${k}`).join(', ')}), ` +
              `${s.topics} topics held, ${s.droppedReceivers} of ${plan.slowReaders} non-reading receivers dropped, ${s.droppedMessages} publishes over the rate dropped, ${memory.logLines} log lines`,
          );
        }
        return held(memory);
      } finally {
        result.close();
      }
    } finally {
      await child.close();
    }
  };

  const heap = await alternate(rounds, () => round('app'), () => round('floor'), {
    onRound: (r, a, f) => ctx.log(`round ${r + 1}/${rounds}: held under load ${fmtBytes(a)}, without ${fmtBytes(f)}`),
  });
  if (latencies.app.length === 0 || latencies.floor.length === 0) throw new Error('SG1: no honest message arrived');

  const heapRow = makeRow({
    id: 'SG1',
    label: 'signalling server: heap held under the load test (V8 heap + Buffers after GC)',
    unit: 'bytes',
    app: medianOf(heap.app),
    floor: medianOf(heap.floor),
    floorLabel: 'the same server with only the 4 honest pairs',
    rounds: `${rounds} + ${rounds} (ABBA), a fresh server process each`,
    target: `≤ floor + ${fmtBytes(HEAP_MARGIN)}`,
    met: null,
    note: `${notes[0] ?? ''}; an idle server holds ${fmtBytes(idleHeld)}`,
  });
  heapRow.met = heapRow.floor !== null && heapRow.app.p50 - heapRow.floor.p50 <= HEAP_MARGIN;
  const latencyRow = makeRow({
    id: 'SG1',
    label: 'signalling server: honest publish → other subscriber, under the load test',
    unit: 'ms',
    app: distribution(latencies.app),
    floor: distribution(latencies.floor),
    floorLabel: 'the same pairs on the same server with no load',
    rounds: `${rounds} + ${rounds} rounds × ${LOAD.honestPairs} pairs × ${LOAD.honestMessages} messages`,
    target: 'every honest message delivered (latency reported)',
    met: undelivered === 0,
    note: `${undelivered} honest messages lost; load and floor in one Node process on loopback, the server in another; floor p50 ${fmtMs(distribution(latencies.floor).p50)}`,
  });
  return [heapRow, latencyRow];
}
