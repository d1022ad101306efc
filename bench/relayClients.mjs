// RL2's load: a child process holding some of the shared referater, two devices each (the app's relay code from the
// bundle, one socket per device as the app opens it), both typing a character at a steady rate and exchanging after
// each; it measures each character's delay from the keystroke until the other device has applied it. Run directly,
// this file is the child; the parent drives it by messages (ready, start, done, compact, close).
import { fileURLToPath } from 'node:url';
import { answerParent, forkDriven, runAsChild, toParent } from './childProcess.mjs';
import { loadRelayBundle } from './relayBundle.mjs';
import { createRelayDevice, newSharedReferat, newSharingSecret, provideWebSocket, until } from './relayDevice.mjs';

/**
 * @typedef {object} ClientPlan
 * @property {string} bundle the relay bundle's path (relayBundle.mjs)
 * @property {string} relayUrl
 * @property {number} referater how many this process holds (two devices each)
 * @property {number} editsPerSecond per device
 */

/**
 * @typedef {object} LoadResult what one client process reports after the typing
 * @property {number[]} latencies ms from keystroke to applied on the other device, one per character delivered
 * @property {number} edits characters typed
 * @property {number} undelivered characters the other device had not applied when the drain ended
 * @property {number} exchanges
 * @property {number} entriesPosted update entries posted
 * @property {number} refused entries refused (none expected)
 * @property {string[]} errors exchanges that threw (the first few)
 */

/**
 * @typedef {object} RelayClients
 * @property {number} pid
 * @property {(durationMs: number, drainMs: number) => Promise<LoadResult>} load types for durationMs, then waits up to drainMs for delivery
 * @property {() => Promise<number[]>} compact each referat's first device compacts; answers the referat states' bytes
 * @property {() => Promise<void>} close
 */

const CHILD_FILE = fileURLToPath(import.meta.url);

/**
 * Starts a client process and resolves once all its devices are connected and hold the referat.
 * @param {ClientPlan} plan
 * @returns {Promise<RelayClients>}
 */
export async function startRelayClients(plan) {
  const driven = forkDriven(CHILD_FILE, plan);
  try {
    await driven.next('ready', 5 * 60_000);
  } catch (error) {
    await driven.stop(0);
    throw error;
  }
  return {
    pid: driven.pid,
    async load(durationMs, drainMs) {
      const answer = driven.next('done', durationMs + drainMs + 60_000);
      driven.send({ type: 'start', durationMs, drainMs });
      return /** @type {LoadResult} */ (/** @type {unknown} */ ((await answer)['result']));
    },
    async compact() {
      const answer = driven.next('compacted', 5 * 60_000);
      driven.send({ type: 'compact' });
      return /** @type {number[]} */ ((await answer)['stateBytes']);
    },
    close: () => driven.stop(10_000),
  };
}

/** The child. */
async function childMain() {
  /** @type {ClientPlan} */
  const plan = JSON.parse(process.argv[2] ?? '{}');
  provideWebSocket();
  const R = await loadRelayBundle(plan.bundle);
  /** @type {string[]} */
  const errors = [];
  const onError = (/** @type {unknown} */ e) => {
    if (errors.length < 5) errors.push(e instanceof Error ? e.message : String(e));
  };

  /**
   * @typedef {object} Typist
   * @property {import('./relayDevice.mjs').RelayDevice} device
   * @property {import('yjs').XmlText} text
   * @property {Array<[number, number]>} pending [clock after the keystroke, time], oldest first
   * @property {boolean} atEnd where it types: the end of the paragraph (A) or its start (B)
   */
  /** @type {Array<{ a: Typist, b: Typist }>} */
  const pairs = [];
  /** @type {number[]} */
  const latencies = [];
  /**
   * @param {Typist} receiver
   * @param {Typist} sender
   */
  const listen = (receiver, sender) => {
    const client = sender.device.doc.clientID;
    receiver.device.doc.on('update', (/** @type {Uint8Array} */ _u, /** @type {unknown} */ origin) => {
      if (origin !== R.RELAY_ORIGIN) return;
      const have = R.Y.getState(receiver.device.doc.store, client);
      const now = performance.now();
      while (sender.pending.length > 0 && /** @type {[number, number]} */ (sender.pending[0])[0] <= have) {
        latencies.push(Math.round((now - /** @type {[number, number]} */ (sender.pending.shift())[1]) * 100) / 100);
      }
    });
  };

  for (let i = 0; i < plan.referater; i++) {
    const docId = R.newReferatId();
    const secret = newSharingSecret();
    const { doc, text } = newSharedReferat(R, docId);
    const a = await createRelayDevice(R, { secret, docId, doc, onError });
    const b = await createRelayDevice(R, { secret, docId, doc: R.newReferatDoc(), onError });
    await a.connect(plan.relayUrl);
    await a.exchange();
    await b.connect(plan.relayUrl);
    await b.exchange();
    a.setAuto(true);
    b.setAuto(true);
    // B types into the same paragraph A made, at its start; A at its end.
    const bText = /** @type {import('yjs').XmlText} */ (/** @type {import('yjs').XmlElement} */ (R.bodyFragment(b.doc).get(R.bodyFragment(b.doc).length - 1)).get(0));
    /** @type {Typist} */
    const ta = { device: a, text, pending: [], atEnd: true };
    /** @type {Typist} */
    const tb = { device: b, text: bText, pending: [], atEnd: false };
    listen(tb, ta);
    listen(ta, tb);
    pairs.push({ a: ta, b: tb });
  }
  const typists = pairs.flatMap((p) => [p.a, p.b]);
  const allIdle = () => typists.every((t) => t.device.idle());
  await until(allIdle, 'the devices to settle after joining', 120_000, 20);
  toParent({ type: 'ready' });

  /**
   * @param {number} durationMs
   * @param {number} drainMs
   * @returns {Promise<LoadResult>}
   */
  const load = async (durationMs, drainMs) => {
    const exchanges0 = typists.reduce((n, t) => n + t.device.exchanges(), 0);
    const posted0 = typists.reduce((n, t) => n + t.device.cursor.own.update, 0);
    let edits = 0;
    const period = 1000 / plan.editsPerSecond;
    /** @type {Array<ReturnType<typeof setInterval>>} */
    const timers = [];
    /** @type {Array<ReturnType<typeof setTimeout>>} */
    const starts = [];
    for (const t of typists) {
      const type = () => {
        t.text.insert(t.atEnd ? t.text.length : 0, 'x');
        t.pending.push([R.Y.getState(t.device.doc.store, t.device.doc.clientID), performance.now()]);
        edits++;
        void t.device.exchange();
      };
      // Each device starts at its own phase, so the keystrokes spread over the period.
      starts.push(
        setTimeout(() => {
          type();
          timers.push(setInterval(type, period));
        }, Math.random() * period),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    for (const s of starts) clearTimeout(s);
    for (const t of timers) clearInterval(t);
    await until(() => typists.every((t) => t.pending.length === 0), 'delivery', drainMs, 50).catch(() => undefined);
    await until(allIdle, 'the devices to settle', drainMs, 50).catch(() => undefined);
    return {
      latencies,
      edits,
      undelivered: typists.reduce((n, t) => n + t.pending.length, 0),
      exchanges: typists.reduce((n, t) => n + t.device.exchanges(), 0) - exchanges0,
      entriesPosted: typists.reduce((n, t) => n + t.device.cursor.own.update, 0) - posted0,
      refused: typists.reduce((n, t) => n + t.device.refusals(), 0),
      errors,
    };
  };

  /** @returns {Promise<number[]>} */
  const compactAll = async () => {
    /** @type {number[]} */
    const stateBytes = [];
    for (const { a, b } of pairs) {
      const state = R.Y.encodeStateAsUpdate(a.device.doc);
      stateBytes.push(state.byteLength);
      // What exchangeWithRelay runs past 200 entries, run once more now that both devices acknowledged everything.
      await R.compact({ envelope: a.device.envelope, keys: a.device.keys, signer: a.device.signer, cursor: a.device.cursor, update: state, now: Date.now() });
      await b.device.exchange();
    }
    await until(allIdle, 'the devices to settle after compaction', 120_000, 20);
    return stateBytes;
  };

  /**
   * @param {string} type
   * @param {() => Promise<unknown>} job
   * @param {(value: unknown) => import('./childProcess.mjs').ChildMessage} answer
   */
  const reply = (type, job, answer) =>
    job().then(
      (value) => toParent(answer(value)),
      (e) => toParent({ type: 'error', message: `${type}: ${e instanceof Error ? e.message : String(e)}` }),
    );
  answerParent(
    {
      start: (m) => void reply('start', () => load(Number(m['durationMs'] ?? 10_000), Number(m['drainMs'] ?? 60_000)), (result) => ({ type: 'done', result })),
      compact: () => void reply('compact', compactAll, (stateBytes) => ({ type: 'compacted', stateBytes })),
    },
    () => {
      for (const t of typists) t.device.disconnect();
      // The sockets close, then the process goes.
      setTimeout(() => process.exit(0), 200);
    },
  );
}

await runAsChild(import.meta.url, childMain);
