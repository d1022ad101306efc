// A long referat (about 200 pages: 4,000 paragraphs of Danish minutes under agenda headings) typed keystroke by
// keystroke, then forked into two copies that each go on editing: the input of M1.
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
