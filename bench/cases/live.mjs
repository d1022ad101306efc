// LIVE: delay of a live edit between two devices (two browser contexts of one Chromium) joined by invitation
// over WebRTC on loopback: from the keydown of a character in A's editor until B's editor shows it. The floor is
// a keydown in a plain input on A sent as-is over a raw RTCDataChannel that this bench opens between the same
// two pages, until B's message handler runs. Only inside a private network namespace (bench/run.mjs).
import { startSignallingServer } from '../../server/signallingServer.mjs';
import { alternate } from '../alternate.mjs';
import { caretAfterMarker, newReferat, startMarkedParagraph, TEXT_BLOCKS, withBrowser } from '../browser.mjs';
import { pageClockOffset } from '../pageClock.mjs';
import { pollUntil, sleep } from '../poll.mjs';
import { distribution, makeRow } from '../rows.mjs';

const KEYS_PER_ROUND = 10;
const MARKER = 'ZQXmåling';
const FLOOR_INPUT_ID = 'bench-live-floor';

/**
 * @typedef {Window & {
 *   __liveKeys: Array<{ t: number, floor: boolean }>,
 *   __liveArrivals: Array<[number, number]>,
 *   __floorArrivals: Array<[number, number]>,
 *   __pc?: RTCPeerConnection,
 *   __dc?: RTCDataChannel,
 * }} LiveWindow
 */

/** Page A: notes every character keydown (capture phase, before the editor or the floor input sees it). */
function recordKeys() {
  const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
  w.__liveKeys = [];
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key.length !== 1) return;
      const floor = e.target instanceof HTMLInputElement && e.target.id === 'bench-live-floor';
      w.__liveKeys.push({ t: performance.timeOrigin + performance.now(), floor });
    },
    true,
  );
}

/**
 * Page B: whenever the editor's DOM changes, the length of the text after the marker in the block that starts
 * with it (other people's caret labels left out), noted with the time it first reached that length.
 * @param {HTMLElement} editor
 * @param {{ marker: string, blocks: string }} what
 */
function watchArrivals(editor, { marker, blocks }) {
  const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
  w.__liveArrivals = [];
  /** @param {Node} node */
  const textOf = (node) => {
    let out = '';
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) =>
        n instanceof Element && n.classList.contains('collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue ?? '';
    return out;
  };
  let last = -1;
  const check = () => {
    for (const block of editor.querySelectorAll(blocks)) {
      const text = textOf(block);
      if (!text.startsWith(marker)) continue;
      const length = text.length - marker.length;
      if (length > last) {
        last = length;
        w.__liveArrivals.push([length, performance.timeOrigin + performance.now()]);
      }
      return;
    }
  };
  new MutationObserver(check).observe(editor, { subtree: true, childList: true, characterData: true });
  check();
}

/**
 * Page A (floor): a raw RTCPeerConnection offering one data channel; returns the offer with all candidates.
 * @param {string} inputId
 * @returns {Promise<string>}
 */
async function floorOffer(inputId) {
  const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
  const pc = new RTCPeerConnection({ iceServers: [] });
  const dc = pc.createDataChannel('bench-floor', { ordered: true });
  w.__pc = pc;
  w.__dc = dc;
  const input = document.createElement('input');
  input.id = inputId;
  input.setAttribute('aria-label', 'bench floor');
  input.addEventListener('keydown', (e) => dc.send(e.key));
  document.body.append(input);
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve(undefined);
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve(undefined));
  });
  return /** @type {RTCSessionDescription} */ (pc.localDescription).sdp;
}

/**
 * Page B (floor): answers, and notes each message's arrival time.
 * @param {string} offer
 * @returns {Promise<string>}
 */
async function floorAnswer(offer) {
  const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
  w.__floorArrivals = [];
  const pc = new RTCPeerConnection({ iceServers: [] });
  w.__pc = pc;
  let count = 0;
  pc.addEventListener('datachannel', (e) => {
    e.channel.addEventListener('message', () => {
      count += 1;
      w.__floorArrivals.push([count, performance.timeOrigin + performance.now()]);
    });
  });
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription(await pc.createAnswer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve(undefined);
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve(undefined));
  });
  return /** @type {RTCSessionDescription} */ (pc.localDescription).sdp;
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const keys = ctx.quick ? 30 : 200;
  const rounds = keys / KEYS_PER_ROUND;
  if (!ctx.privateNetwork) {
    return [
      makeRow({
        id: 'LIVE',
        label: 'live edit A → B over WebRTC',
        unit: 'ms',
        app: { p50: NaN, p95: NaN, n: 0 },
        floor: null,
        floorLabel: 'raw RTCDataChannel between the same pages',
        rounds: '0',
        target: 'none set (p50/p95 reported)',
        met: null,
        note: 'not run: WebRTC between contexts needs a private network namespace (unshare -n, root)',
      }),
    ];
  }
  const signalling = await startSignallingServer({});
  try {
    return await withBrowser(ctx.dist, async ({ browser, url, device }) => {
      const origin = new URL(url).origin;
      /** @param {string} name @param {string} organisation @param {'Kommune' | 'Leverandør'} kind */
      const makeDevice = async (name, organisation, kind) => {
        const context = await browser.newContext();
        await context.grantPermissions(['microphone'], { origin });
        const app = await device(context, { name, organisation, kind });
        await app.setSignalling(signalling.url);
        await app.nav('Bibliotek');
        return app;
      };
      // Set up side by side: nothing is measured yet.
      const [a, b] = await Promise.all([makeDevice('Mette Holm', 'Aarhus Kommune', 'Kommune'), makeDevice('Bo Lund', 'Systemhuset A/S', 'Leverandør')]);
      try {
        const docId = await newReferat(a);
        await startMarkedParagraph(a, MARKER);
        const link = await a.invite();
        await b.page.goto(link);
        // An unknown referat: the invitation asks first, and only "Deltag" stores the room (docs/TRUST.md).
        await b.page.getByRole('button', { name: 'Deltag', exact: true }).click();
        await b.page.waitForURL(`**/r/${docId}`);
        await b.editor.waitFor();
        await pollUntil(async () => (await b.editorText()).includes(MARKER), { what: 'the referat to reach B', timeoutMs: 30_000 });
        await pollUntil(async () => (await a.liveStatus()) === 'Forbundet til 1 anden' && (await b.liveStatus()) === 'Forbundet til 1 anden', {
          what: 'both devices to be connected',
          timeoutMs: 30_000,
        });
        ctx.log('A and B connected over WebRTC');

        await a.page.evaluate(recordKeys);
        await b.editor.evaluate(watchArrivals, { marker: MARKER, blocks: TEXT_BLOCKS });
        const offer = await a.page.evaluate(floorOffer, FLOOR_INPUT_ID);
        const answer = await b.page.evaluate(floorAnswer, offer);
        await a.page.evaluate(async (sdp) => {
          const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
          const pc = /** @type {RTCPeerConnection} */ (w.__pc);
          const dc = /** @type {RTCDataChannel} */ (w.__dc);
          await pc.setRemoteDescription({ type: 'answer', sdp });
          if (dc.readyState !== 'open') await new Promise((resolve) => dc.addEventListener('open', resolve, { once: true }));
        }, answer);
        ctx.log('raw data channel open');
        const clocksBefore = [await pageClockOffset(a.page), await pageClockOffset(b.page)];

        const letters = 'abcdefghijklmnopqrstuvwxyz';
        let appTyped = 0;
        let floorTyped = 0;
        /** @param {boolean} floor */
        const typeRound = async (floor) => {
          if (floor) {
            await a.page.locator(`#${FLOOR_INPUT_ID}`).click();
          } else {
            await caretAfterMarker(a, MARKER);
          }
          await sleep(50);
          for (let i = 0; i < KEYS_PER_ROUND; i++) {
            await a.page.keyboard.press(letters[i % letters.length] ?? 'a');
            const want = floor ? ++floorTyped : ++appTyped;
            try {
              await b.page.waitForFunction(
                ([n, f]) => {
                  const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
                  return (f ? w.__floorArrivals : w.__liveArrivals).some(([len]) => len >= n);
                },
                /** @type {[number, boolean]} */ ([want, floor]),
                { polling: 5, timeout: 20_000 },
              );
            } catch (e) {
              const seen = async (/** @type {import('../appModules.mjs').ReferatAppInstance} */ app) => JSON.stringify((await app.editorText()).slice(-200));
              throw new Error(`LIVE: ${floor ? 'floor message' : 'keystroke'} ${want} did not arrive (A shows ${await seen(a)}, B shows ${await seen(b)})`, { cause: e });
            }
            await sleep(20);
          }
          return 0;
        };
        // Warm-up round on each side, not recorded (a quick run goes without).
        if (!ctx.quick) {
          await typeRound(false);
          await typeRound(true);
        }
        const warm = { app: appTyped, floor: floorTyped };
        await alternate(rounds, () => typeRound(false), () => typeRound(true), {
          gc: false,
          onRound: (r) => r % 5 === 4 && ctx.log(`round ${r + 1}/${rounds}`),
        });
        const clocksAfter = [await pageClockOffset(a.page), await pageClockOffset(b.page)];

        const sent = await a.page.evaluate(() => /** @type {LiveWindow} */ (/** @type {unknown} */ (window)).__liveKeys);
        const got = await b.page.evaluate(() => {
          const w = /** @type {LiveWindow} */ (/** @type {unknown} */ (window));
          return { app: w.__liveArrivals, floor: w.__floorArrivals };
        });
        const [offA = 0, offB = 0] = clocksBefore;
        const appKeys = sent.filter((k) => !k.floor);
        const floorKeys = sent.filter((k) => k.floor);
        /** @param {Array<{ t: number }>} keysSent @param {Array<[number, number]>} arrivals @param {number} skip */
        const delays = (keysSent, arrivals, skip) =>
          keysSent.slice(skip).map((k, i) => {
            const n = skip + i + 1;
            const arrival = arrivals.find(([len]) => len >= n);
            if (!arrival) throw new Error(`LIVE: keystroke ${n} never arrived`);
            return arrival[1] - offB - (k.t - offA);
          });
        const appSamples = delays(appKeys, got.app, warm.app);
        const floorSamples = delays(floorKeys, got.floor, warm.floor);
        if (appSamples.length !== keys || floorSamples.length !== keys) throw new Error(`LIVE: ${appSamples.length}/${floorSamples.length} samples, expected ${keys}`);
        const skew = Math.abs(offA - offB);
        const drift = Math.max(Math.abs((clocksAfter[0] ?? 0) - offA), Math.abs((clocksAfter[1] ?? 0) - offB));

        const row = makeRow({
          id: 'LIVE',
          label: 'live edit A → B over WebRTC (keydown → B editor DOM)',
          unit: 'ms',
          app: distribution(appSamples),
          floor: distribution(floorSamples),
          floorLabel: 'keydown → raw RTCDataChannel message handler, between the same two pages',
          rounds: `${keys} + ${keys} keys in rounds of ${KEYS_PER_ROUND} (ABBA)`,
          target: 'none set (p50/p95 reported)',
          met: null,
          note:
            `the two pages' clocks differ by ${skew.toFixed(2)} ms (against Date.now() ticks; corrected; timer resolution 0.1 ms), drift ${drift.toFixed(2)} ms over the run; ` +
            'app path: ProseMirror → Yjs → y-webrtc (AES-GCM with the room secret) → B → DOM',
        });
        return [row];
      } finally {
        await a.page.context().close();
        await b.page.context().close();
      }
    });
  } finally {
    await signalling.close();
  }
}
