// K1's translation of an editing trace into key presses, caret moves and pastes, checked by replaying it on a string.
import { describe, expect, it } from 'vitest';
import { traceKeysModule, type KeyAction } from './benchModules';

const { traceKeyActions, keySafe, keySafeText, pmPosition } = await traceKeysModule();

/** Replays actions the way the editor would: keys at the caret, Backspace deletes the selection or one character. */
function play(actions: KeyAction[], start = ''): string {
  let text = start;
  let from = text.length;
  let to = text.length;
  for (const a of actions) {
    if (a.kind === 'caret') {
      from = a.from;
      to = a.to;
    } else if (a.kind === 'paste') {
      text = text.slice(0, a.at) + a.text + text.slice(a.at);
      from = to = a.at + a.text.length;
    } else if (a.key === 'Backspace') {
      const start2 = from === to ? from - 1 : from;
      text = text.slice(0, start2) + text.slice(to);
      from = to = start2;
    } else {
      text = text.slice(0, from) + a.char + text.slice(to);
      from = to = from + 1;
    }
  }
  return text;
}

describe('trace to keys', () => {
  const txns = [
    { patches: [[0, 0, 'H']] as Array<[number, number, string]> },
    { patches: [[1, 0, 'ej']] as Array<[number, number, string]> },
    { patches: [[3, 0, '\n']] as Array<[number, number, string]> },
    { patches: [[4, 0, 'a']] as Array<[number, number, string]> },
    { patches: [[0, 0, '*']] as Array<[number, number, string]> },
    { patches: [[5, 1, '']] as Array<[number, number, string]> },
    { patches: [[1, 2, '']] as Array<[number, number, string]> },
    { patches: [[1, 1, 'Y']] as Array<[number, number, string]> },
  ];

  it('gives keys that, played at the caret, give the same text as the trace (with input-rule characters swapped)', () => {
    const state = { text: '', caret: 0 };
    const actions = traceKeyActions(txns, state, 0, txns.length);
    expect(play(actions)).toBe(state.text);
    expect(state.text).toBe('xY\n');
  });

  it('types single characters as keys, newlines as Enter, moves the caret only when the trace jumps', () => {
    const state = { text: '', caret: 0 };
    const actions = traceKeyActions(txns, state, 0, 4);
    expect(actions).toEqual([
      { kind: 'key', key: 'H', char: 'H' },
      { kind: 'paste', at: 1, pmAt: 1, text: 'ej' },
      { kind: 'key', key: 'Enter', char: '\n' },
      { kind: 'key', key: 'a', char: 'a' },
    ]);
    const more = traceKeyActions(txns, state, 4, 6);
    expect(more[0]).toEqual({ kind: 'caret', from: 0, to: 0, pmFrom: 0, pmTo: 0 });
    // Backspace right after the caret needs no caret move.
    expect(more.at(-1)).toEqual({ kind: 'key', key: 'Backspace', char: '' });
    expect(more.filter((a) => a.kind === 'caret')).toHaveLength(2);
  });

  it('replays a stretch in parts exactly as in one go', () => {
    const whole = { text: '', caret: 0 };
    const parts = { text: '', caret: 0 };
    const a = traceKeyActions(txns, whole, 0, txns.length);
    const b = [...traceKeyActions(txns, parts, 0, 3), ...traceKeyActions(txns, parts, 3, txns.length)];
    expect(b).toEqual(a);
    expect(parts).toEqual(whole);
  });

  it('swaps characters that fire input rules, and digits, for letters; leaves Danish letters alone', () => {
    expect(keySafeText('# 1. *fed* - > `x` /menu æøå')).toBe('h b. xfedx m g qxq kmenu æøå');
    expect(keySafe('å')).toBe('å');
    expect(keySafe('0')).toBe('a');
  });

  it('gives ProseMirror offsets for caret moves: after a newline, one more', () => {
    const state = { text: 'ab\ncd', caret: 0 };
    const actions = traceKeyActions([{ patches: [[4, 1, '']] }], state, 0, 1);
    expect(actions[0]).toEqual({ kind: 'caret', from: 4, to: 5, pmFrom: 5, pmTo: 6 });
    expect(state.text).toBe('ab\nc');
  });

  it('maps a text index to a ProseMirror position: two positions per paragraph boundary', () => {
    expect(pmPosition('ab\ncd', 0, 10)).toBe(10);
    expect(pmPosition('ab\ncd', 2, 10)).toBe(12);
    expect(pmPosition('ab\ncd', 3, 10)).toBe(14);
    expect(pmPosition('ab\ncd\n\nx', 8, 0)).toBe(11);
  });
});
