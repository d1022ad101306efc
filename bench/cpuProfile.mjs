// A CPU profile of a page over a stretch of work (Chrome DevTools Protocol Profiler), reduced to the functions
// with the most self time: what a note names when a target is missed.

import { writeFileSync } from 'node:fs';
/** @typedef {{ url: string, lineNumber: number, columnNumber: number }} Frame */
/** @typedef {{ totalMs: number, top: Array<{ name: string, ms: number, share: number, frame: Frame | null }> }} ProfileSummary */

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} callFrame
 */

/** Functions of the app's libraries recognised by their minified code, so a note can name them. */
const SIGNATURES = [
  { name: 'y-prosemirror absolutePositionToRelativePosition (walks the blocks before the position)', parts: ['_first', 'nodeSize', 'instanceof', '_length'] },
  { name: 'React DOM commit, getSelectionInformation (reading the selection forces a layout of the page)', parts: ['selectionStart`in', 'getSelection'] },
  { name: 'y-prosemirror updateYFragment (compares every block)', parts: ['_prosemirrorChanged'] },
  { name: 'y-tiptap: matches every Y child to a ProseMirror child (all blocks)', parts: ['yIndex', 'pIndex', 'yChild'] },
  { name: 'ProseMirror: reads the DOM selection (a layout it forces counts here)', parts: ['instanceof', 'anchorNode', 'focusOffset'] },
  { name: 'ProseMirror: puts rendered nodes into the DOM', parts: ['firstChild', 'parentNode==', 'insertBefore'] },
];

/**
 * Names a minified function by the code at its position, when it is one of SIGNATURES.
 * @param {import('playwright-core').Page} page
 * @param {{ url: string, lineNumber: number, columnNumber: number }} frame
 * @param {Map<string, string>} sources
 * @returns {Promise<string | null>}
 */
async function recognise(page, frame, sources) {
  if (!frame.url.startsWith('http')) return null;
  let text = sources.get(frame.url);
  if (text === undefined) {
    text = await page.evaluate((u) => fetch(u).then((r) => r.text()), frame.url).catch(() => '');
    sources.set(frame.url, text);
  }
  const code = (text.split('\n')[frame.lineNumber] ?? '').slice(frame.columnNumber, frame.columnNumber + 600);
  return SIGNATURES.find((s) => s.parts.every((p) => code.includes(p)))?.name ?? null;
}

/**
 * Profiles `page` while `work` runs.
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<void>} work
 * @param {number} [top]
 * @returns {Promise<ProfileSummary>} busy time and the top functions by self time
 */
export async function profileTop(page, work, top = 5) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await work();
    const { profile } = /** @type {{ profile: { nodes: ProfileNode[], samples: number[], timeDeltas: number[] } }} */ (
      /** @type {unknown} */ (await cdp.send('Profiler.stop'))
    );
    // For a closer look: BENCH_PROFILE_OUT=file.cpuprofile keeps the raw profile (opens in Chromium's DevTools).
    if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
    const result = selfTimes(profile, top);
    /** @type {Map<string, string>} */
    const sources = new Map();
    for (const f of result.top) {
      const known = f.frame ? await recognise(page, f.frame, sources) : null;
      if (known) f.name = `${known} [${f.name}]`;
    }
    return result;
  } finally {
    await cdp.detach();
  }
}

/**
 * @param {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} profile
 * @param {number} top
 * @returns {ProfileSummary}
 */
export function selfTimes(profile, top) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const ms = new Map();
  /** @type {Map<string, Frame>} */
  const frames = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    // Each sample's time is the gap to the next one.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === '(idle)' || f.functionName === '(program)') return;
    const file = f.url ? f.url.slice(f.url.lastIndexOf('/') + 1) : '';
    const name = `${f.functionName || '(anonymous)'}${file ? ` (${file}:${f.lineNumber + 1}:${f.columnNumber + 1})` : ''}`;
    ms.set(name, (ms.get(name) ?? 0) + dt);
    frames.set(name, f);
    total += dt;
  });
  const list = [...ms].toSorted((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs: total, top: list.map(([name, t]) => ({ name, ms: t, share: total > 0 ? t / total : 0, frame: frames.get(name) ?? null })) };
}
