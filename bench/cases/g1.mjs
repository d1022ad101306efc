// G1: what the live gate (src/sync/peerGate.ts) costs per peer message. A peer types keystrokes into a paragraph
// of a referat with 5 claimed authors and 200 paragraphs; each keystroke's y-webrtc update message goes through the
// gate and is then applied (what a guarded connection does), against a bare Y.applyUpdate of the same updates.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { alternate } from '../alternate.mjs';
import { coreModules, trustModules } from '../appModules.mjs';
import { fmtMs } from '../format.mjs';
import { REPO_ROOT } from '../paths.mjs';
import { distribution, makeRow } from '../rows.mjs';
import { median } from '../stats.mjs';
import { createSigner } from '../signer.mjs';

const AUTHORS = 5;
const PARAGRAPHS = 200;

/**
 * @typedef {object} GateConn
 * @property {boolean} connected
 * @property {{ on(e: 'data', l: (d: Uint8Array) => void): void, listeners(e: 'data'): Array<(d: Uint8Array) => void>, removeAllListeners(e: 'data'): void, destroy(): void }} peer
 */

/**
 * @typedef {object} GateModule
 * @property {(doc: Y.Doc, opts: { awareness: Awareness, docId?: string }, rejected: (p: { code: string }) => void) => { guard(conns: Map<string, GateConn>): void, destroy(): void }} peerGate src/sync/peerGate.ts
 */

/** @returns {Promise<GateModule>} loaded by computed URL, as bench/appModules.mjs does (tsconfig.node.json may not pull in src/) */
async function gateModule() {
  return /** @type {GateModule} */ (await import(/* @vite-ignore */ pathToFileURL(path.join(REPO_ROOT, 'src/sync/peerGate.ts')).href));
}

/** A y-webrtc sync message (messageSync, messageYjsUpdate) carrying `update`. */
function updateMessage(/** @type {Uint8Array} */ update) {
  /** @type {number[]} */
  const len = [];
  let n = update.length;
  while (n > 0x7f) {
    len.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  len.push(n);
  const out = new Uint8Array(2 + len.length + update.length);
  out.set([0, 2, ...len]);
  out.set(update, 2 + len.length);
  return out;
}

/** The update a message from updateMessage carries, as y-webrtc reads it (after the two type bytes and the length). */
function payloadOf(/** @type {Uint8Array} */ message) {
  let pos = 2;
  while (((message[pos] ?? 0) & 0x80) !== 0) pos++;
  return message.subarray(pos + 1);
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const t = await trustModules();
  const { peerGate } = await gateModule();
  const rounds = ctx.quick ? 4 : 10;
  const keys = ctx.quick ? 300 : 1_000;

  // The referat both sides hold: 5 authors, each with a signed claim, writing 200 paragraphs between them.
  const id = '6f1c2b1e-0000-4000-8000-000000000001';
  const base = core.newReferatDoc();
  core.initReferat(base, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: core.STANDARD_TEMPLATE, creator: { name: 'Forfatter 0', organisation: 'Organisation 0', organisationKind: 'kommune' } });
  for (let a = 0; a < AUTHORS; a++) {
    const author = core.newReferatDoc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(base));
    t.writeClaim(author, await t.signClaim(await createSigner(), author.clientID, id));
    for (let p = 0; p < PARAGRAPHS / AUTHORS; p++) {
      const para = new Y.XmlElement('paragraph');
      para.insert(0, [new Y.XmlText(`Forfatter ${a} skrev afsnit ${p}: punktet blev drøftet, og parterne aftalte at vende tilbage til det.`)]);
      core.bodyFragment(author).push([para]);
    }
    Y.applyUpdate(base, Y.encodeStateAsUpdate(author));
  }
  const baseBytes = Y.encodeStateAsUpdate(base);

  // The peer types `keys` characters at the end of the last paragraph, one transaction (one message) per key.
  const typist = core.newReferatDoc();
  Y.applyUpdate(typist, baseBytes);
  /** @type {Uint8Array[]} */
  const messages = [];
  typist.on('update', (/** @type {Uint8Array} */ u) => messages.push(updateMessage(u)));
  const fragment = core.bodyFragment(typist);
  const last = /** @type {Y.XmlElement} */ (fragment.get(fragment.length - 1));
  const text = /** @type {Y.XmlText} */ (last.get(0));
  const sentence = 'Næste møde holdes i Aarhus, og referatet sendes til godkendelse hos begge parter. ';
  for (let k = 0; k < keys; k++) text.insert(text.length, sentence[k % sentence.length] ?? 'x');
  const expected = text.toString();

  const timeEach = (/** @type {number[]} */ cpuPerKey, /** @type {(m: Uint8Array) => void} */ deliver) => {
    /** @type {number[]} */
    const samples = [];
    const cpu0 = process.cpuUsage();
    for (const m of messages) {
      const start = performance.now();
      deliver(m);
      samples.push(performance.now() - start);
    }
    const cpu = process.cpuUsage(cpu0);
    cpuPerKey.push((cpu.user + cpu.system) / 1000 / messages.length);
    return samples;
  };
  const check = (/** @type {Y.Doc} */ doc) => {
    const f = core.bodyFragment(doc);
    const got = /** @type {Y.XmlText} */ (/** @type {Y.XmlElement} */ (f.get(f.length - 1)).get(0)).toString();
    if (got !== expected) throw new Error('G1: the receiver does not hold what the peer typed');
  };

  /** @type {number[]} */
  const gatedCpu = [];
  /** @type {number[]} */
  const bareCpu = [];
  /** @type {number[]} */
  const gated = [];
  /** @type {number[]} */
  const bare = [];
  await alternate(
    rounds,
    () => {
      const doc = core.newReferatDoc();
      Y.applyUpdate(doc, baseBytes);
      const gate = peerGate(doc, { awareness: new Awareness(doc), docId: id }, (p) => { throw new Error(`G1: an honest keystroke was refused (${p.code})`); });
      /** @type {Array<(d: Uint8Array) => void>} */
      const listeners = [];
      /** @type {GateConn} */
      const conn = {
        connected: true,
        peer: { on: (_e, l) => { listeners.push(l); }, listeners: () => listeners.slice(), removeAllListeners: () => { listeners.length = 0; }, destroy: () => undefined },
      };
      // y-webrtc's own listener: read the sync message and apply its update with the room as origin.
      conn.peer.on('data', (d) => Y.applyUpdate(doc, payloadOf(d), 'room'));
      const conns = new Map([['peer', conn]]);
      gate.guard(conns);
      const samples = timeEach(gatedCpu, (m) => { for (const l of listeners) l(m); });
      gate.destroy();
      check(doc);
      gated.push(...samples);
      return samples.reduce((s, x) => s + x, 0);
    },
    () => {
      const doc = core.newReferatDoc();
      Y.applyUpdate(doc, baseBytes);
      const samples = timeEach(bareCpu, (m) => Y.applyUpdate(doc, payloadOf(m), 'room'));
      check(doc);
      bare.push(...samples);
      return samples.reduce((s, x) => s + x, 0);
    },
    { onRound: (r, a, f) => ctx.log(`round ${r + 1}/${rounds}: ${keys} keys gated+applied ${fmtMs(a ?? 0)}, applied ${fmtMs(f ?? 0)}`) },
  );
  const app = distribution(gated);
  const floor = distribution(bare);
  return [
    makeRow({
      id: 'G1',
      label: `live gate per keystroke message (${AUTHORS} claimed authors, ${PARAGRAPHS} paragraphs)`,
      unit: 'ms',
      app,
      floor,
      floorLabel: 'bare Y.applyUpdate of the same update (what y-webrtc does without the gate)',
      rounds: `${rounds} + ${rounds} (ABBA) × ${keys} keys`,
      target: 'context; LIVE p95 within 1.2× of before',
      met: null,
      note: `gate alone ≈ ${fmtMs(Math.max(0, app.p50 - floor.p50))} p50 per message (rate window, Y.diffUpdate against this copy, outline, clocks, claims, meta writes); CPU per key, median of rounds: ${fmtMs(median(gatedCpu))} gated+applied, ${fmtMs(median(bareCpu))} applied`,
    }),
  ];
}
