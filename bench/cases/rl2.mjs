// RL2: the relay under a bounded load on loopback: 200 shared referater, 2 devices each, every device typing 5
// characters a second and exchanging after each (the app's relay code, from the bundle), for 2 minutes, on one relay
// instance (the real server in a child process; its per-address socket caps raised, as every device is on 127.0.0.1).
// Delivery delay against a bare ws echo probed on the same server during the same load; the relay's CPU time
// (/proc/<pid>/stat), its held memory against the same relay idle, and the bytes it stores per referat after a
// compaction against the referat's own state. The devices run in a few client processes; their CPU is reported.
import { readdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { fmtBytes, fmtMs } from '../format.mjs';
import { startRelayClients } from '../relayClients.mjs';
import { buildRelayBundle } from '../relayBundle.mjs';
import { processCpuMs, startRelayServerChild } from '../relayServerChild.mjs';
import { distribution, makeRow, single } from '../rows.mjs';
import { percentile } from '../stats.mjs';

const EDITS_PER_SECOND = 5;
const ECHO_EVERY_MS = 100;

/**
 * @param {string | undefined} value
 * @param {number} fallback
 * @returns {number}
 */
function positive(value, fallback) {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * @param {string} dataDir the relay's data folder
 * @returns {number[]} bytes of each mailbox's stored Yjs state
 */
function storedMailboxBytes(dataDir) {
  const dir = path.join(dataDir, 'mailboxes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ydoc'))
    .map((f) => statSync(path.join(dir, f)).size);
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  // BENCH_RELAY_LOAD_SECONDS and BENCH_RELAY_LOAD_REFERATER shorten a try; the written run uses 120 s and 200.
  const seconds = positive(process.env['BENCH_RELAY_LOAD_SECONDS'], ctx.quick ? 15 : 120);
  const referater = Math.round(positive(process.env['BENCH_RELAY_LOAD_REFERATER'], ctx.quick ? 50 : 200));
  const processes = Math.max(1, Math.min(4, Math.ceil(referater / 25)));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-bench-rl2-'));
  const dataDir = path.join(tmp, 'relay-data');
  const bundle = await buildRelayBundle(tmp);
  const server = await startRelayServerChild({ dataDir, limits: { maxSockets: 4 * referater + 100, maxSocketsPerAddress: 4 * referater + 100 } });
  /** @type {import('../relayClients.mjs').RelayClients[]} */
  const clients = [];
  /** @type {WebSocket | null} */
  let echo = null;
  try {
    const idle = await server.measure();
    ctx.log(`relay idle: heap ${fmtBytes(idle.heapUsed)}, rss ${fmtBytes(idle.rss)}; starting ${referater} referater × 2 devices in ${processes} processes`);
    const shares = Array.from({ length: processes }, (_, i) => Math.floor(referater / processes) + (i < referater % processes ? 1 : 0));
    clients.push(...(await Promise.all(shares.map((n) => startRelayClients({ bundle, relayUrl: server.relayUrl, referater: n, editsPerSecond: EDITS_PER_SECOND })))));
    const joined = await server.measure();
    ctx.log(`${joined.stats.sockets} sockets, ${joined.stats.mailboxesOpen} mailboxes open; typing for ${seconds} s`);

    // The floor: a bare ws echo on the same server, probed all through the load from this (otherwise idle) process.
    const ws = new WebSocket(server.echoUrl);
    echo = ws;
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    /** @type {number[]} */
    const echoTimes = [];
    let probeStart = 0;
    ws.on('message', () => echoTimes.push(performance.now() - probeStart));
    const payload = new Uint8Array(400);
    const probe = setInterval(() => {
      probeStart = performance.now();
      ws.send(payload);
    }, ECHO_EVERY_MS);

    const load0 = os.loadavg()[0] ?? NaN;
    const relayCpu0 = server.cpuMs();
    const clientCpu0 = clients.map((c) => processCpuMs(c.pid));
    const t0 = performance.now();
    let peakRss = server.rssBytes();
    /** @type {number[]} */
    const loads = [];
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, server.rssBytes());
      loads.push(os.loadavg()[0] ?? NaN);
    }, 1000);
    /** @type {{ relay: number, clients: number, wall: number } | null} */
    let typingCpu = null;
    const typingEnd = setTimeout(() => {
      typingCpu = { relay: server.cpuMs() - relayCpu0, clients: clients.reduce((n, c, i) => n + processCpuMs(c.pid) - (clientCpu0[i] ?? 0), 0), wall: performance.now() - t0 };
      clearInterval(probe);
    }, seconds * 1000);
    const results = await Promise.all(clients.map((c) => c.load(seconds * 1000, 60_000)));
    clearTimeout(typingEnd);
    clearInterval(sampler);
    clearInterval(probe);
    const drained = performance.now() - t0;
    const cpu = typingCpu ?? { relay: server.cpuMs() - relayCpu0, clients: clients.reduce((n, c, i) => n + processCpuMs(c.pid) - (clientCpu0[i] ?? 0), 0), wall: drained };
    const load1 = os.loadavg()[0] ?? NaN;

    const held = await server.measure();
    ctx.log(`after the load: heap ${fmtBytes(held.heapUsed)}, rss ${fmtBytes(held.rss)} (peak rss ${fmtBytes(peakRss)}); compacting`);
    const stateBytes = (await Promise.all(clients.map((c) => c.compact()))).flat();
    await Promise.all(clients.splice(0).map((c) => c.close()));
    // Closing writes every pending mailbox (and the last device leaving already did).
    await server.close();
    const stored = storedMailboxBytes(dataDir);

    const latencies = results.flatMap((r) => r.latencies);
    const edits = results.reduce((n, r) => n + r.edits, 0);
    const undelivered = results.reduce((n, r) => n + r.undelivered, 0);
    const posted = results.reduce((n, r) => n + r.entriesPosted, 0);
    const refused = results.reduce((n, r) => n + r.refused, 0);
    const errors = results.flatMap((r) => r.errors);
    if (latencies.length === 0 || echoTimes.length === 0) throw new Error(`RL2: nothing delivered${errors.length ? ` (${errors[0]})` : ''}`);
    const devices = 2 * referater;
    const plan = `${referater} referater × 2 devices × ${EDITS_PER_SECOND} edits/s for ${seconds} s`;
    const machine = `client processes ${processes}, their CPU ${fmtMs(cpu.clients)} in ${fmtMs(cpu.wall)} (${((cpu.clients / cpu.wall) * 100).toFixed(0)} % of one core); load average ${load0.toFixed(1)} → ${load1.toFixed(1)} (max ${Math.max(...loads, load1).toFixed(1)}) on ${os.cpus().length} cores`;
    const relayShare = cpu.relay / cpu.wall;
    const del = distribution(latencies);
    const floor = distribution(echoTimes);
    const storedFigure = distribution(stored);
    const stateFigure = distribution(stateBytes);
    return [
      makeRow({
        id: 'RL2',
        label: `relay load: keystroke → applied on the other device (${plan})`,
        unit: 'ms',
        app: del,
        floor,
        floorLabel: `a bare ws echo of ${payload.length} bytes every ${ECHO_EVERY_MS} ms on the same server, port and route, during the same load`,
        rounds: `${latencies.length} characters delivered; ${echoTimes.length} echoes`,
        target: 'every edit delivered (p50/p95 reported)',
        met: undelivered === 0 && refused === 0,
        note:
          `an exchange after every keystroke, as live editing through the relay does (the app's session runs one 100 ms after a keystroke while others are there through the relay); ` +
          `${edits} characters typed (${(edits / seconds / devices).toFixed(2)}/s per device), ${undelivered} not delivered within 60 s after, ${refused} entries refused` +
          `${errors.length ? `, exchange errors: ${errors[0]}` : ''}; ${posted} update entries posted (${(posted / edits).toFixed(2)} per character: an exchange takes what was typed while the last ran); ` +
          `max ${fmtMs(latencies.reduce((a, b) => Math.max(a, b), 0))}; ${machine}`,
      }),
      makeRow({
        id: 'RL2',
        label: `relay load: relay CPU time per second (${devices} devices)`,
        unit: 'ms',
        app: single(relayShare * 1000),
        floor: null,
        floorLabel: 'none (context)',
        rounds: `1 run of ${seconds} s`,
        target: 'context',
        met: null,
        note: `${fmtMs(cpu.relay)} of CPU in ${fmtMs(cpu.wall)} of typing: ${(relayShare * 100).toFixed(0)} % of one core for ${(posted / seconds).toFixed(0)} entries/s (/proc/<pid>/stat, user + system); ${machine}`,
      }),
      makeRow({
        id: 'RL2',
        label: `relay load: memory the relay holds after the load, ${devices} devices still connected (V8 heap + Buffers after GC)`,
        unit: 'bytes',
        app: single(held.heapUsed + held.arrayBuffers),
        floor: single(idle.heapUsed + idle.arrayBuffers),
        floorLabel: 'the same relay process before any device connected',
        rounds: '1',
        target: 'context',
        met: null,
        note: `rss ${fmtBytes(held.rss)} after (idle ${fmtBytes(idle.rss)}), peak rss during the load ${fmtBytes(peakRss)}; ${held.stats.mailboxesOpen} mailboxes open, ${held.stats.sockets} sockets; ${held.stats.closedSockets} sockets closed by the relay's limits, ${held.stats.refusedWrites} writes refused`,
      }),
      makeRow({
        id: 'RL2',
        label: 'relay load: stored bytes per referat after a compaction (the mailbox file)',
        unit: 'bytes',
        app: storedFigure,
        floor: stateFigure,
        floorLabel: "the referat's own state (Y.encodeStateAsUpdate), which the compaction snapshot carries encrypted",
        rounds: `${stored.length} mailboxes`,
        target: 'context (bounded)',
        met: null,
        note: `largest ${fmtBytes(Math.max(...stored))}, p95 ${fmtBytes(percentile(stored, 95))}, all ${fmtBytes(stored.reduce((a, b) => a + b, 0))}; after ${((edits / referater) | 0)} characters per referat, the last compaction run by one device once both had acknowledged everything (compact(), as exchangeWithRelay runs it past 200 entries)`,
      }),
    ];
  } finally {
    echo?.terminate();
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
