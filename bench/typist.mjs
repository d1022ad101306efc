// Types text into a referat the way the editor records it: one Yjs transaction per keystroke, with typos fixed
// by backspace and now and then a word added or removed afterwards, so the document carries a real history.
import * as Y from 'yjs';

/** @typedef {import('./prng.mjs').Prng} Prng */

const EXTRA_WORDS = ['ikke ', 'dog ', 'fortsat ', 'også ', 'formentlig ', 'senest '];
const TYPO_KEYS = 'asdfghjklæøqwertyuiopå';

/**
 * @typedef {object} TypingStats
 * @property {number} transactions
 * @property {number} typed characters inserted, typos included
 * @property {number} deleted characters deleted
 */

/** @returns {TypingStats} */
export function newTypingStats() {
  return { transactions: 0, typed: 0, deleted: 0 };
}

/**
 * Types `text` at `index` of `target`, keystroke by keystroke.
 * @param {Y.Doc} doc
 * @param {Y.XmlText} target
 * @param {number} index
 * @param {string} text
 * @param {Prng} rnd
 * @param {TypingStats} stats
 * @param {number} [typoRate] chance per character of a wrong key, fixed at once with backspace
 */
export function typeAt(doc, target, index, text, rnd, stats, typoRate = 0.02) {
  let at = index;
  for (const ch of text) {
    if (rnd.chance(typoRate)) {
      doc.transact(() => target.insert(at, rnd.pick([...TYPO_KEYS])));
      doc.transact(() => target.delete(at, 1));
      stats.transactions += 2;
      stats.typed += 1;
      stats.deleted += 1;
    }
    doc.transact(() => target.insert(at, ch));
    stats.transactions += 1;
    stats.typed += 1;
    at += 1;
  }
}

/**
 * Appends a block (`paragraph`, or a `heading` of level 3) at the end of `body` or before `before`, and types
 * its text into it. Afterwards, sometimes a word is added in the middle, or one is removed.
 * @param {Y.Doc} doc
 * @param {Y.XmlFragment} body
 * @param {{ kind: 'heading' | 'paragraph', text: string }} block
 * @param {Prng} rnd
 * @param {TypingStats} stats
 * @param {number} [at] index in body; the end by default
 * @returns {Y.XmlText}
 */
export function typeBlock(doc, body, block, rnd, stats, at = body.length) {
  const element = new Y.XmlElement(block.kind);
  // The editor makes the block on Enter and its text node with the first character.
  doc.transact(() => {
    if (block.kind === 'heading') element.setAttribute('level', /** @type {any} */ (3));
    body.insert(at, [element]);
  });
  const text = new Y.XmlText();
  doc.transact(() => element.insert(0, [text]));
  stats.transactions += 2;
  typeAt(doc, text, 0, block.text, rnd, stats);
  if (block.kind === 'paragraph' && rnd.chance(0.08)) {
    const spaces = [...block.text.matchAll(/ /g)].map((m) => m.index + 1);
    if (spaces.length > 0) typeAt(doc, text, rnd.pick(spaces), rnd.pick(EXTRA_WORDS), rnd, stats);
  }
  if (block.kind === 'paragraph' && rnd.chance(0.04) && text.length > 30) {
    const from = rnd.int(text.length - 20);
    const length = 3 + rnd.int(12);
    for (let i = 0; i < length; i++) doc.transact(() => text.delete(from + length - 1 - i, 1));
    stats.transactions += length;
    stats.deleted += length;
  }
  return text;
}
