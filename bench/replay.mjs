// Replays an editing trace into anything with insert/delete at a position: a Y.Text, a Y.XmlText, or a string.

/** @typedef {import('./traces.mjs').Trace} Trace */
/** @typedef {import('./traces.mjs').Txn} Txn */

/**
 * @typedef {object} TextTarget
 * @property {(index: number, text: string) => void} insert
 * @property {(index: number, length: number) => void} delete
 */

/**
 * Applies one transaction's patches in order: each deletes, then inserts, at its position (Array#splice).
 * @param {TextTarget} target
 * @param {Txn} txn
 */
export function applyTxn(target, txn) {
  for (const [pos, del, ins] of txn.patches) {
    if (del > 0) target.delete(pos, del);
    if (ins !== '') target.insert(pos, ins);
  }
}

/**
 * Replays `txns[from..to)` into `target`, each transaction inside `transact` (one Yjs transaction per
 * keystroke-level edit, as an editor makes them).
 * @param {{ txns: readonly Txn[] }} trace
 * @param {TextTarget} target
 * @param {(fn: () => void) => void} transact
 * @param {{ from?: number, to?: number }} [range]
 */
export function replay(trace, target, transact, range = {}) {
  const to = Math.min(range.to ?? trace.txns.length, trace.txns.length);
  for (let i = range.from ?? 0; i < to; i++) {
    const txn = /** @type {Txn} */ (trace.txns[i]);
    transact(() => applyTxn(target, txn));
  }
}

/** A plain string as a TextTarget: the reference replay (fine for small traces; every edit copies the string). */
export class StringTarget {
  text = '';
  /** @param {string} [start] */
  constructor(start = '') {
    this.text = start;
  }
  /** @param {number} index @param {string} text */
  insert(index, text) {
    if (index < 0 || index > this.text.length) throw new RangeError(`insert at ${index} outside 0..${this.text.length}`);
    this.text = this.text.slice(0, index) + text + this.text.slice(index);
  }
  /** @param {number} index @param {number} length */
  delete(index, length) {
    if (index < 0 || index + length > this.text.length) throw new RangeError(`delete ${index}+${length} outside 0..${this.text.length}`);
    this.text = this.text.slice(0, index) + this.text.slice(index + length);
  }
}

/**
 * @param {{ startContent: string, txns: readonly Txn[] }} trace
 * @returns {string}
 */
export function replayToString(trace) {
  const target = new StringTarget(trace.startContent);
  replay(trace, target, (fn) => fn());
  return target.text;
}
