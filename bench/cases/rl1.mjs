// RL1: live edit delay A → B through the relay on loopback: A types a character and runs an exchange (seal, post into
// the envelope, the provider sends it); the real server (child process) forwards it; B's envelope changes, B runs an
// exchange (open, the worker's check in-process, apply) until B's copy holds the character. Floor: a bare `ws` echo of
// a message of the same size, mounted on the same server, port and route, in alternating rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { alternate } from '../alternate.mjs';
import { fmtMs } from '../format.mjs';
import { buildRelayBundle, loadRelayBundle } from '../relayBundle.mjs';
import { createRelayDevice, newSharedReferat, newSharingSecret, provideWebSocket, until } from '../relayDevice.mjs';
import { startRelayServerChild } from '../relayServerChild.mjs';
import { distribution, makeRow } from '../rows.mjs';

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const edits = ctx.quick ? 40 : 300;
  const warmup = ctx.quick ? 5 : 20;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-bench-rl1-'));
  provideWebSocket();
  const R = await loadRelayBundle(await buildRelayBundle(tmp));
  const server = await startRelayServerChild({ dataDir: path.join(tmp, 'relay-data') });
  /** @type {import('../relayDevice.mjs').RelayDevice[]} */
  const devices = [];
  /** @type {WebSocket | null} */
  let echo = null;
  try {
    const docId = R.newReferatId();
    const secret = newSharingSecret();
    const { doc, text } = newSharedReferat(R, docId);
    const a = await createRelayDevice(R, { secret, docId, doc });
    const b = await createRelayDevice(R, { secret, docId, doc: R.newReferatDoc() });
    devices.push(a, b);
    await a.connect(server.relayUrl);
    await a.exchange();
    await b.connect(server.relayUrl);
    a.setAuto(true);
    b.setAuto(true);
    await b.exchange();
    const settled = async () => {
      // Both idle twice in a row: B's acknowledgement has reached A and A's exchange on it has run.
      for (let calm = 0; calm < 2; ) {
        await until(() => a.idle() && b.idle(), 'the devices to settle', 30_000, 2);
        await new Promise((resolve) => setTimeout(resolve, 5));
        calm = a.idle() && b.idle() ? calm + 1 : 0;
      }
    };
    await settled();

    // What A's provider sends per edit (the sealed entry, and the provider's frame around it), for the echo's size.
    let lastSent = 0;
    a.envelope.on('update', (/** @type {Uint8Array} */ u, /** @type {unknown} */ origin) => {
      if (origin === null || typeof origin !== 'object') lastSent = u.byteLength;
    });

    const aClient = doc.clientID;
    const relayEdit = async () => {
      await settled();
      const start = performance.now();
      text.insert(text.length, 'x');
      const clock = R.Y.getState(doc.store, aClient);
      const arrived = new Promise((resolve) => {
        const onUpdate = () => {
          if (R.Y.getState(b.doc.store, aClient) >= clock) {
            b.doc.off('update', onUpdate);
            resolve(performance.now());
          }
        };
        b.doc.on('update', onUpdate);
      });
      void a.exchange();
      const end = /** @type {number} */ (await arrived);
      return end - start;
    };

    const ws = new WebSocket(server.echoUrl);
    echo = ws;
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.binaryType = 'nodebuffer';
    const echoRound = async () => {
      await settled();
      const payload = globalThis.crypto.getRandomValues(new Uint8Array(Math.max(64, lastSent + 50)));
      const start = performance.now();
      const back = new Promise((resolve) => ws.once('message', () => resolve(performance.now())));
      ws.send(payload);
      return /** @type {number} */ (await back) - start;
    };

    await alternate(warmup, relayEdit, echoRound, { gc: false });
    const samples = await alternate(edits, relayEdit, echoRound, {
      onRound: (r) => {
        if ((r + 1) % 50 === 0) ctx.log(`${r + 1}/${edits} edits`);
      },
    });
    if (b.refusals() > 0 || a.refusals() > 0) throw new Error(`RL1: ${a.refusals() + b.refusals()} entries refused`);
    const app = distribution(samples.app);
    const floor = distribution(samples.floor);
    return [
      makeRow({
        id: 'RL1',
        label: 'live edit A → B through the relay on loopback (A: seal + post; B: open, check, apply)',
        unit: 'ms',
        app,
        floor,
        floorLabel: `a bare ws echo of ${lastSent + 50} bytes on the same server, port and route (/relay?echo)`,
        rounds: `${edits} + ${edits} (ABBA), after ${warmup} + ${warmup} warm-up`,
        target: 'none set; p50/p95 reported',
        met: null,
        note:
          `one character per edit, Ed25519 device keys, the real server in a child process, both devices in one Node process; ` +
          `B's exchange starts on the envelope change (the app waits 50 ms first, and A's session 100 ms after the last keystroke while live through the relay, 1.5 s otherwise: ` +
          `timers, not cost, left out); floor p50 ${fmtMs(floor.p50)}`,
      }),
    ];
  } finally {
    echo?.terminate();
    for (const d of devices) d.disconnect();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
