// The bench's trace replay (bench/replay.mjs): replaying reproduces endContent exactly, into a plain string, a
// bare Y.Text and the app's referat layout, on a small hand-made trace, a generated one, and the real traces
// when ../shared/data/editing-traces/ is present.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initReferat } from '../../../src/core/initReferat';
import { bodyFragment, newReferatDoc } from '../../../src/core/referatDoc';
import { STANDARD_TEMPLATE } from '../../../src/core/templates';
import { fixture, replayModule, traces, type Trace } from './benchModules';

const { replay, replayToString } = await replayModule();
const { TRACE_NAMES, traceAvailable, loadTrace, generatedTrace } = await traces();
const { plainText } = await fixture();

// Typing "Hello world", fixing a typo with backspace, a multi-patch transaction (positions descending, as the
// traces list them) that replaces a word and deletes another, and an insert at the very start.
const small: Trace = {
  name: 'small',
  generated: true,
  startContent: '',
  endContent: '> Hej verden!',
  txns: [
    { patches: [[0, 0, 'Hello']] },
    { patches: [[5, 0, ' wprld']] },
    { patches: [[8, 1, '']] },
    { patches: [[8, 0, 'o']] },
    { patches: [[11, 0, ' !']] },
    { patches: [[11, 1, ''], [0, 5, 'Hej']] },
    { patches: [[4, 5, 'verden']] },
    { patches: [[0, 0, '> ']] },
  ],
};

function intoYText(trace: Trace): string {
  const doc = new Y.Doc({ gc: false });
  const text = doc.getText('text');
  replay(trace, text, (fn) => doc.transact(fn));
  return text.toString();
}

function intoReferat(trace: Trace): string {
  const doc = newReferatDoc();
  initReferat(doc, { id: 'x', title: 'T', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'A', organisation: 'B', organisationKind: 'kommune' } });
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => {
    bodyFragment(doc).push([paragraph]);
    paragraph.insert(0, [text]);
  });
  replay(trace, text, (fn) => doc.transact(fn));
  return plainText(text);
}

describe('trace replay', () => {
  it('reproduces endContent of a small trace in a string, a Y.Text and a referat paragraph', () => {
    expect(replayToString(small)).toBe(small.endContent);
    expect(intoYText(small)).toBe(small.endContent);
    expect(intoReferat(small)).toBe(small.endContent);
  });

  it('replays a range of transactions, so a trace can be fed in chunks', () => {
    const doc = new Y.Doc();
    const text = doc.getText('text');
    for (let from = 0; from < small.txns.length; from += 3) replay(small, text, (fn) => doc.transact(fn), { from, to: from + 3 });
    expect(text.toString()).toBe(small.endContent);
    const partial = new Y.Doc().getText('text');
    replay(small, partial, (fn) => fn(), { to: 2 });
    expect(partial.toString()).toBe('Hello wprld');
  });

  it('a string replay refuses a patch outside the text, so a broken trace cannot pass silently', () => {
    expect(() => replayToString({ startContent: '', txns: [{ patches: [[1, 0, 'x']] }] })).toThrow('insert at 1 outside 0..0');
    expect(() => replayToString({ startContent: 'ab', txns: [{ patches: [[1, 2, '']] }] })).toThrow('delete 1+2 outside 0..2');
  });

  it('a generated stand-in trace is deterministic and replays to its own endContent in Yjs', () => {
    const a = generatedTrace('g', { seed: 5, txns: 3000 });
    const b = generatedTrace('g', { seed: 5, txns: 3000 });
    expect(a.txns).toEqual(b.txns);
    expect(a.generated).toBe(true);
    expect(a.endContent.length).toBeGreaterThan(1000);
    expect(intoYText(a)).toBe(a.endContent);
    expect(intoReferat(a)).toBe(a.endContent);
  });

  for (const name of TRACE_NAMES) {
    it.runIf(traceAvailable(name))(`reproduces the real ${name} trace's endContent in a Y.Text`, () => {
      const trace = loadTrace(name);
      expect(trace.generated).toBe(false);
      expect(trace.startContent).toBe('');
      expect(intoYText(trace)).toBe(trace.endContent);
    }, 120_000);
  }
});
