// One device of a shared referat in Node, as the app's relay session runs it (src/session/relaySession.ts): its key,
// its copy, the envelope replica connected with the app's connectRelay, and exchanges with exchangeWithRelay, one at
// a time, run again when the relay's envelope changed meanwhile. The update check is the function the app's worker
// runs (checkRelayUpdate), called in-process.
import { WebSocket } from 'ws';

/** @typedef {import('./relayBundle.mjs').RelayBundle} RelayBundle */
/** @typedef {import('yjs').Doc} YDoc */

/**
 * The app's provider uses the global WebSocket, which Node 20 lacks: `ws` stands in (the browser's own in the app).
 */
export function provideWebSocket() {
  const g = /** @type {{ WebSocket?: unknown }} */ (globalThis);
  if (g.WebSocket === undefined) g.WebSocket = WebSocket;
}

/**
 * A device key as the app makes one where the browser has Ed25519 (src/storage/identityKeys.ts), not extractable.
 * @returns {Promise<import('./relayBundle.mjs').BenchSigner>}
 */
export async function deviceSigner() {
  const subtle = globalThis.crypto.subtle;
  const pair = /** @type {CryptoKeyPair} */ (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']));
  const publicKey = await subtle.exportKey('jwk', pair.publicKey);
  return {
    algorithm: 'Ed25519',
    publicKey: { kty: publicKey.kty, crv: publicKey.crv, x: publicKey.x },
    async sign(data) {
      return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, new Uint8Array(data)));
    },
  };
}

/** @returns {string} a sharing secret as an invitation holds one: 32 random bytes, base64url */
export function newSharingSecret() {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}

/**
 * A new referat as the app makes it, with one paragraph of text to type into (the bundle's yjs).
 * @param {RelayBundle} R
 * @param {string} id
 * @returns {{ doc: YDoc, text: import('yjs').XmlText }}
 */
export function newSharedReferat(R, id) {
  const doc = R.newReferatDoc();
  R.initReferat(doc, {
    id,
    title: 'Styregruppemøde',
    date: '2026-03-04',
    createdAt: '2026-03-04T09:00:00.000Z',
    template: R.STANDARD_TEMPLATE,
    creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
  });
  const text = new R.Y.XmlText();
  doc.transact(() => {
    const paragraph = new R.Y.XmlElement('paragraph');
    R.bodyFragment(doc).push([paragraph]);
    paragraph.insert(0, [text]);
  });
  return { doc, text };
}

/**
 * @param {import('yjs').XmlText} text
 * @returns {string} its characters, without formatting
 */
export function textOf(text) {
  let out = '';
  for (const op of text.toDelta()) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/**
 * @typedef {object} RelayDevice
 * @property {YDoc} doc
 * @property {YDoc} envelope
 * @property {string} fingerprint
 * @property {import('./relayBundle.mjs').RelayKeys} keys
 * @property {import('./relayBundle.mjs').RelayCursor} cursor
 * @property {Uint8Array} posted
 * @property {import('./relayBundle.mjs').BenchSigner} signer
 * @property {(url: string) => Promise<void>} connect resolves once the envelope is in step with the relay's
 * @property {() => Promise<void>} exchange one exchange now (or, while one runs, one more after it)
 * @property {(auto: boolean) => void} setAuto exchange whenever the relay changes the envelope (the app: 50 ms later; here at once)
 * @property {() => boolean} idle no exchange running, and the relay has taken every write
 * @property {() => number} exchanges how many have run
 * @property {() => number} refusals entries refused so far (none expected)
 * @property {() => number} longestCheckMs the longest update check so far (the app runs it in a worker, refused past 10 s)
 * @property {() => void} disconnect
 */

/**
 * @param {RelayBundle} R
 * @param {{ secret: string, docId: string, doc: YDoc, signer?: import('./relayBundle.mjs').BenchSigner, cursor?: import('./relayBundle.mjs').RelayCursor, posted?: Uint8Array, now?: () => number, onError?: (e: unknown) => void }} options
 * @returns {Promise<RelayDevice>}
 */
export async function createRelayDevice(R, options) {
  const signer = options.signer ?? (await deviceSigner());
  const fingerprint = await R.keyFingerprint(signer.publicKey);
  const keys = await R.deriveRelayKeys(options.secret, options.docId);
  const fpBytes = R.fingerprintBytes(fingerprint);
  if (fpBytes === null) throw new Error('no fingerprint');
  const cursor = options.cursor ?? R.newRelayCursor(await R.senderTag(keys, fpBytes));
  const now = options.now ?? Date.now;
  const doc = options.doc;
  const envelope = new R.Y.Doc();
  /** @type {import('./relayBundle.mjs').RelayLink | null} */
  let link = null;
  let auto = false;
  let count = 0;
  let refused = 0;
  let longestCheck = 0;
  // One exchange, as relaySession.ts runs it: only while the envelope is in step with the relay's.
  const exchangeOnce = async () => {
    if (link?.state() !== 'synced') return;
    try {
      const result = await R.exchangeWithRelay({
        envelope,
        doc,
        docId: options.docId,
        keys,
        signer,
        cursor,
        posted: device.posted,
        facts: async () => R.receiverFacts(doc, await R.checkClaims(doc), fingerprint),
        check: (input) => {
          const start = performance.now();
          const verdict = R.checkRelayUpdate({ ...input, maxMessageBytes: R.MAX_ENTRY_BYTES.snapshot });
          longestCheck = Math.max(longestCheck, performance.now() - start);
          return Promise.resolve(verdict);
        },
        now: now(),
      });
      device.posted = result.posted;
      refused += result.refused.length;
      count++;
    } catch (e) {
      options.onError?.(e);
    }
  };
  const exchangeSoon = oneAtATime(exchangeOnce);
  /** @type {RelayDevice} */
  const device = {
    doc,
    envelope,
    fingerprint,
    keys,
    cursor,
    posted: options.posted ?? new Uint8Array([0]),
    signer,
    async connect(url) {
      const l = R.connectRelay({ url, mailboxId: keys.mailboxId, token: keys.accessToken, envelope });
      link = l;
      // As the app's session: a (re)connection asks for an exchange.
      let last = l.state();
      l.onState((s) => {
        if (auto && s === 'synced' && last !== 'synced') void device.exchange();
        last = l.state();
      });
      if (l.state() === 'synced') return;
      await new Promise((resolve, reject) => {
        const off = l.onState((s) => {
          if (s === 'synced') {
            off();
            resolve(undefined);
          } else if (s === 'refused') {
            off();
            reject(new Error('the relay refused the device'));
          }
        });
      });
    },
    exchange: () => exchangeSoon(),
    setAuto(on) {
      auto = on;
    },
    idle: () => !exchangeSoon.busy() && (link?.unsent() ?? 0) === 0,
    exchanges: () => count,
    refusals: () => refused,
    longestCheckMs: () => longestCheck,
    disconnect() {
      link?.destroy();
      link = null;
    },
  };
  // The relay's changes arrive with the provider as origin (an object); this device's own writes have none.
  envelope.on('update', (/** @type {Uint8Array} */ _u, /** @type {unknown} */ origin) => {
    if (auto && origin !== null && typeof origin === 'object') void device.exchange();
  });
  return device;
}

/**
 * Runs `job` one at a time: a call while it runs is answered by one more run after it (calls meanwhile fold into it).
 * @param {() => Promise<void>} job never rejects
 * @returns {(() => Promise<void>) & { busy: () => boolean }}
 */
export function oneAtATime(job) {
  /** @type {Promise<void> | null} */
  let current = null;
  let more = false;
  const loop = async () => {
    do {
      more = false;
      await job();
    } while (more);
    current = null;
  };
  const call = () => {
    if (current === null) current = loop();
    else more = true;
    return current;
  };
  return Object.assign(call, { busy: () => current !== null });
}

/**
 * Resolves once `check` holds, polling every `everyMs`; rejects naming `what` after the timeout.
 * @param {() => boolean} check
 * @param {string} what
 * @param {number} [timeoutMs]
 * @param {number} [everyMs]
 */
export async function until(check, what, timeoutMs = 60_000, everyMs = 5) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
