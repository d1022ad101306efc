// The editing traces (josephg/editing-traces): read from ../shared/data/editing-traces/, or generated when absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TRACE_DIR } from './paths.mjs';
import { createPrng } from './prng.mjs';
import { replayToString } from './replay.mjs';

export const TRACE_NAMES = /** @type {const} */ (['automerge-paper', 'seph-blog1']);
export const ATTRIBUTION =
  'Editing traces by Joseph Gentle (seph-blog1) and Martin Kleppmann & Alastair R. Beresford (automerge-paper), ' +
  'via github.com/josephg/editing-traces, CC BY 4.0.';
export const TRACE_SOURCE =
  'the public editing-traces collection by Joseph Gentle, https://github.com/josephg/editing-traces ' +
  '(sequential_traces/automerge-paper.json.gz and seph-blog1.json.gz), expected in ' + TRACE_DIR;

/** @typedef {[number, number, string]} Patch position, characters deleted, text inserted (like Array#splice) */
/** @typedef {{ time?: string, patches: Patch[] }} Txn */

/**
 * @typedef {object} Trace
 * @property {string} name e.g. `automerge-paper`, or `generated (for automerge-paper)`
 * @property {boolean} generated true when the real trace was missing and a synthetic one stands in
 * @property {string} startContent
 * @property {string} endContent
 * @property {Txn[]} txns
 */

/**
 * @param {string} name
 * @returns {string}
 */
export function tracePath(name) {
  return path.join(TRACE_DIR, `${name}.json.gz`);
}

/**
 * @param {string} name
 * @returns {boolean}
 */
export function traceAvailable(name) {
  return existsSync(tracePath(name));
}

/**
 * @param {unknown} json
 * @param {string} name
 * @returns {Trace}
 */
function checkTrace(json, name) {
  const t = /** @type {{ startContent?: unknown, endContent?: unknown, txns?: unknown }} */ (json);
  if (typeof t.startContent !== 'string' || typeof t.endContent !== 'string' || !Array.isArray(t.txns)) {
    throw new Error(`${name}: not an editing trace (startContent, endContent, txns)`);
  }
  return { name, generated: false, startContent: t.startContent, endContent: t.endContent, txns: /** @type {Txn[]} */ (t.txns) };
}

/**
 * A deterministic stand-in for a real trace: one person typing prose with typos fixed by backspace, moving the
 * caret now and then, and deleting or pasting a few words. Its endContent comes from replaying it.
 * @param {string} label
 * @param {{ seed?: number, txns?: number }} [options]
 * @returns {Trace}
 */
export function generatedTrace(label, options = {}) {
  const rnd = createPrng(options.seed ?? 42);
  const count = options.txns ?? 60_000;
  const words = ['mødet', 'kommunen', 'leverandøren', 'aftale', 'drift', 'status', 'budget', 'system', 'data', 'the', 'and', 'edit', 'text', 'sync'];
  /** @type {Txn[]} */
  const txns = [];
  let length = 0;
  let cursor = 0;
  let pendingWord = '';
  while (txns.length < count) {
    const r = rnd.next();
    /** @type {Patch} */
    let patch;
    if (r < 0.03 && length > 0) {
      cursor = rnd.int(length + 1);
      continue;
    } else if (r < 0.1 && cursor > 0) {
      patch = [cursor - 1, 1, ''];
      cursor -= 1;
    } else if (r < 0.102 && length > 20) {
      const at = rnd.int(length - 10);
      patch = [at, 1 + rnd.int(8), ''];
      if (cursor > at) cursor = Math.max(at, cursor - patch[1]);
    } else if (r < 0.104) {
      const paste = `${rnd.pick(words)} ${rnd.pick(words)} `;
      patch = [cursor, 0, paste];
      cursor += paste.length;
    } else {
      if (pendingWord === '') pendingWord = `${rnd.pick(words)}${rnd.chance(0.1) ? '.\n' : ' '}`;
      const ch = pendingWord.slice(0, 1);
      pendingWord = pendingWord.slice(1);
      patch = [cursor, 0, ch];
      cursor += 1;
    }
    length += patch[2].length - patch[1];
    txns.push({ patches: [patch] });
  }
  const trace = { name: label, generated: true, startContent: '', endContent: '', txns };
  trace.endContent = replayToString(trace);
  return trace;
}

/**
 * Reads a real trace, or, when the file is missing, returns a generated one labelled as such.
 * @param {string} name one of TRACE_NAMES
 * @param {{ generatedTxns?: number }} [options]
 * @returns {Trace}
 */
export function loadTrace(name, options = {}) {
  if (!traceAvailable(name)) {
    const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return generatedTrace(`generated (stand-in for ${name})`, { seed, txns: options.generatedTxns ?? 60_000 });
  }
  return checkTrace(JSON.parse(gunzipSync(readFileSync(tracePath(name))).toString('utf8')), name);
}

/**
 * @param {Trace} trace
 * @returns {{ txns: number, patches: number, insertedChars: number, deletedChars: number }}
 */
export function traceStats(trace) {
  let patches = 0;
  let insertedChars = 0;
  let deletedChars = 0;
  for (const txn of trace.txns) {
    for (const [, del, ins] of txn.patches) {
      patches += 1;
      deletedChars += del;
      insertedChars += ins.length;
    }
  }
  return { txns: trace.txns.length, patches, insertedChars, deletedChars };
}
