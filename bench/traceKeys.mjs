// Turns an editing trace into what a person at a keyboard does in the editor: keys typed at the caret, the caret
// moved (or a range selected) first when the trace edits elsewhere, Backspace for deletions, and longer inserts
// (pastes) put in without keys. Characters that would fire one of the editor's input rules (Markdown-style
// lists, headings, quotes, bold/italic marks, the "/" menu) are swapped for plain letters, so the text in the
// editor stays the trace's text, position for position.

/** @typedef {import('./traces.mjs').Txn} Txn */

/**
 * @typedef {{ kind: 'caret', from: number, to: number, pmFrom: number, pmTo: number }
 *   | { kind: 'key', key: string, char: string }
 *   | { kind: 'paste', at: number, pmAt: number, text: string }} KeyAction
 * Positions are indexes into the trace's text (a newline counts as one); pm* are the same places as offsets in
 * a ProseMirror document holding the text as consecutive paragraphs from offset 0 (see pmPosition).
 */

const SWAP = /** @type {Record<string, string>} */ ({ '*': 'x', _: 'y', '~': 'z', '`': 'q', '#': 'h', '>': 'g', '/': 'k', '+': 'p', '-': 'm', '=': 'e' });

/**
 * @param {string} ch
 * @returns {string} ch, or a plain letter in place of a character an input rule reacts to; digits become letters too
 *   ("1. " would start an ordered list)
 */
export function keySafe(ch) {
  if (ch in SWAP) return /** @type {string} */ (SWAP[ch]);
  if (ch >= '0' && ch <= '9') return String.fromCharCode(97 + Number(ch));
  return ch;
}

/**
 * @param {string} text
 * @returns {string}
 */
export function keySafeText(text) {
  return [...text].map(keySafe).join('');
}

/**
 * The actions that replay txns[from..to) when the text is `state.text` and the caret at `state.caret`;
 * updates `state` to the text and caret after them.
 * @param {readonly Txn[]} txns
 * @param {{ text: string, caret: number }} state
 * @param {number} from
 * @param {number} to
 * @returns {KeyAction[]}
 */
export function traceKeyActions(txns, state, from, to) {
  /** @type {KeyAction[]} */
  const out = [];
  for (let i = from; i < Math.min(to, txns.length); i++) {
    for (const [pos, del, rawIns] of /** @type {Txn} */ (txns[i]).patches) {
      const ins = keySafeText(rawIns);
      if (del > 0) {
        if (!(del === 1 && state.caret === pos + 1)) {
          out.push({ kind: 'caret', from: pos, to: pos + del, pmFrom: pmPosition(state.text, pos, 0), pmTo: pmPosition(state.text, pos + del, 0) });
        }
        out.push({ kind: 'key', key: 'Backspace', char: '' });
        state.text = state.text.slice(0, pos) + state.text.slice(pos + del);
        state.caret = pos;
      }
      if (ins === '') continue;
      const chars = [...ins];
      if (chars.length === 1 && ins.length === 1) {
        if (state.caret !== pos) out.push({ kind: 'caret', from: pos, to: pos, pmFrom: pmPosition(state.text, pos, 0), pmTo: pmPosition(state.text, pos, 0) });
        out.push({ kind: 'key', key: ins === '\n' ? 'Enter' : ins, char: ins });
      } else {
        out.push({ kind: 'paste', at: pos, pmAt: pmPosition(state.text, pos, 0), text: ins });
      }
      state.text = state.text.slice(0, pos) + ins + state.text.slice(pos);
      state.caret = pos + ins.length;
    }
  }
  return out;
}

/**
 * Where index `i` of `text` is in a ProseMirror document that holds `text` as consecutive paragraphs (one per
 * line) starting at `base`: each newline is a paragraph boundary, two positions instead of one character.
 * @param {string} text
 * @param {number} i
 * @param {number} base
 * @returns {number}
 */
export function pmPosition(text, i, base) {
  let lines = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < i; k = text.indexOf('\n', k + 1)) lines++;
  return base + i + lines;
}
