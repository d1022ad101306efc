// A long referat (about 200 pages: 4,000 paragraphs of Danish minutes under agenda headings) typed keystroke by
// keystroke, then forked into two copies that each go on editing: the input of M1. Its bytes are typed once per
// run and size, and kept in memory and in the run's cache folder for the later cases (O1, C1, K1, K2).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { danishMinutes } from './danishMinutes.mjs';
import { createPrng } from './prng.mjs';
import { BENCH_CREATOR } from './referatFixture.mjs';
import { newTypingStats, typeAt, typeBlock } from './typist.mjs';

/** @typedef {import('./appModules.mjs').CoreModules} CoreModules */
/** @typedef {import('./typist.mjs').TypingStats} TypingStats */

export const BIG_REFERAT_ID = '7d1e4a2b-9c3f-4e8a-b6d5-2f0e1c9a8b7d';

/**
 * @param {Y.XmlFragment} body
 * @returns {Y.XmlText[]} the text node of every paragraph that has one
 */
function paragraphTexts(body) {
  /** @type {Y.XmlText[]} */
  const out = [];
  for (const node of body.toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph') {
      const t = node.get(0);
      if (t instanceof Y.XmlText) out.push(t);
    }
  }
  return out;
}

/**
 * @param {CoreModules} core
 * @param {{ paragraphs: number, seed?: number }} options
 * @returns {{ doc: Y.Doc, stats: TypingStats, blocks: number, chars: number }}
 */
export function typeBigReferat(core, options) {
  const rnd = createPrng(options.seed ?? 11);
  const doc = core.newReferatDoc();
  core.initReferat(doc, {
    id: BIG_REFERAT_ID,
    title: 'Styregruppe for drift af fagsystemer – samlet referat',
    date: '2026-03-04',
    createdAt: '2026-03-04T09:00:00.000Z',
    template: core.STANDARD_TEMPLATE,
    creator: BENCH_CREATOR,
  });
  const body = core.bodyFragment(doc);
  const stats = newTypingStats();
  const blocks = danishMinutes({ paragraphs: options.paragraphs, seed: options.seed });
  for (const block of blocks) typeBlock(doc, body, block, rnd, stats);
  return { doc, stats, blocks: blocks.length, chars: blocks.reduce((n, b) => n + b.text.length, 0) };
}

/**
 * @typedef {object} TypedReferat
 * @property {Uint8Array} update the typed document, whole history, as one update (Y.encodeStateAsUpdate)
 * @property {number} blocks blocks typed
 * @property {number} bodyBlocks top-level blocks of the body (the template's included)
 * @property {number} chars characters of the typed blocks
 * @property {number} transactions
 * @property {number} clientID the typing doc's, so a copy made from the bytes can go on editing as that doc would
 * @property {number} typedMs how long the typing took, in whichever case did it
 * @property {boolean} reused typed by an earlier case of this run
 */

/** @type {Map<string, TypedReferat>} */
const typedThisProcess = new Map();

/**
 * The referat typeBigReferat makes, as bytes: typed once per run for each size and seed, then read from memory or
 * from `cacheDir` (the run's cache folder, removed when the run ends), so cases in other processes skip the typing.
 * @param {CoreModules} core
 * @param {{ paragraphs: number, seed?: number }} options
 * @param {string | null} cacheDir
 * @returns {TypedReferat}
 */
export function typedBigReferat(core, options, cacheDir) {
  const key = `big-referat-${options.paragraphs}-${options.seed ?? 11}`;
  const known = typedThisProcess.get(key);
  if (known) return { ...known, reused: true };
  const file = cacheDir === null ? null : path.join(cacheDir, key);
  if (file !== null && existsSync(`${file}.json`)) {
    const meta = /** @type {Omit<TypedReferat, 'update' | 'reused'>} */ (JSON.parse(readFileSync(`${file}.json`, 'utf8')));
    const typed = { ...meta, update: new Uint8Array(readFileSync(`${file}.bin`)), reused: true };
    typedThisProcess.set(key, typed);
    return typed;
  }
  const started = performance.now();
  const { doc, stats, blocks, chars } = typeBigReferat(core, options);
  const typed = { update: Y.encodeStateAsUpdate(doc), blocks, bodyBlocks: core.bodyFragment(doc).length, chars, transactions: stats.transactions, clientID: doc.clientID, typedMs: performance.now() - started, reused: false };
  doc.destroy();
  typedThisProcess.set(key, typed);
  if (file !== null) {
    const { update, reused: _reused, ...meta } = typed;
    writeFileSync(`${file}.bin.part`, update);
    renameSync(`${file}.bin.part`, `${file}.bin`);
    writeFileSync(`${file}.json`, JSON.stringify(meta));
  }
  return typed;
}

/**
 * One side of a fork keeps working: types into `edits` existing paragraphs, adds `added` paragraphs among them
 * and deletes a sentence here and there.
 * @param {CoreModules} core
 * @param {Y.Doc} doc
 * @param {{ seed: number, edits: number, added: number, deletions: number }} options
 * @returns {TypingStats}
 */
export function editCopy(core, doc, options) {
  const rnd = createPrng(options.seed);
  const body = core.bodyFragment(doc);
  const stats = newTypingStats();
  const texts = paragraphTexts(body);
  for (let i = 0; i < options.edits; i++) {
    const t = rnd.pick(texts);
    typeAt(doc, t, t.length, rnd.pick([' Bemærkning tilføjet efter mødet.', ' Rettet.', ' Se bilag 3.', ' Jf. kontraktens punkt 7.']), rnd, stats);
  }
  const extra = danishMinutes({ paragraphs: options.added, seed: options.seed + 1 }).filter((b) => b.kind === 'paragraph');
  for (const block of extra) typeBlock(doc, body, block, rnd, stats, rnd.int(body.length + 1));
  for (let i = 0; i < options.deletions; i++) {
    const t = rnd.pick(texts);
    if (t.length > 40) {
      doc.transact(() => t.delete(t.length - 30, 30));
      stats.transactions += 1;
      stats.deleted += 30;
    }
  }
  return stats;
}
