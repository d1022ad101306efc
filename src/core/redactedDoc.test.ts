import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { bodyTextNodes, plainText } from './bodyTextNodes';
import type { CaseExemption } from './caseExemption';
import { exemptionProblem } from './caseExemption';
import { anchorSegment } from './exemptionAnchor';
import { redactedDoc } from './redactedDoc';
import { bodyFragment, newReferatDoc } from './referatDoc';

function doc(paragraphs: string[]): Y.Doc {
  const d = newReferatDoc();
  d.transact(() => {
    bodyFragment(d).insert(0, paragraphs.map((p) => {
      const el = new Y.XmlElement('paragraph');
      el.insert(0, [new Y.XmlText(p)]);
      return el;
    }));
  });
  return d;
}

function passage(d: Y.Doc, node: number, quote: string, reason = 'ofl-30-2'): CaseExemption {
  const text = bodyTextNodes(d)[node] as Y.XmlText;
  const from = plainText(text).indexOf(quote);
  return { id: `x${node}${quote}`, docId: 'd', kind: 'passage', reason, note: '', segments: [anchorSegment(text, from, from + quote.length)], createdAt: 0 };
}

describe('redactedDoc', () => {
  it('replaces each passage by its placeholder in a copy, merges overlaps, and leaves the referat as it was', () => {
    const d = doc(['Prisen er 900 kr. pr. time.', 'Borgeren Jens har gæld.']);
    const before = Y.encodeStateAsUpdate(d);
    const price = passage(d, 0, '900 kr.');
    const overlap = passage(d, 0, 'kr. pr. time', 'ofl-33-3');
    const person = passage(d, 1, 'Jens har gæld', 'ofl-30-1');
    const { doc: copy, applied, unresolved } = redactedDoc(d, [price, overlap, person]);
    expect(applied).toHaveLength(3);
    expect(unresolved).toEqual([]);
    expect(bodyText(copy)).toBe('Prisen er [Undtaget: § 30, nr. 2; § 33, nr. 3].\nBorgeren [Undtaget: § 30, nr. 1].');
    expect(Y.encodeStateAsUpdate(d)).toEqual(before);
    expect(new TextDecoder().decode(Y.encodeStateAsUpdate(copy))).not.toContain('900');
  });

  it('names the exemptions whose text changed and leaves that text as it is', () => {
    const d = doc(['Prisen er 900 kr.']);
    const price = passage(d, 0, '900');
    (bodyTextNodes(d)[0] as Y.XmlText).insert(plainText(bodyTextNodes(d)[0] as Y.XmlText).indexOf('900') + 1, '5');
    const { applied, unresolved, doc: copy } = redactedDoc(d, [price]);
    expect(applied).toEqual([]);
    expect(unresolved).toEqual([price]);
    expect(bodyText(copy)).toBe('Prisen er 9500 kr.');
  });

  it('accepts a reason of the list, and for a whole referat also free text; refuses the rest', () => {
    const seg = [{ start: new Uint8Array(), end: new Uint8Array(), quote: 'x' }];
    expect(exemptionProblem({ kind: 'passage', reason: 'ofl-30-2', note: '', segments: seg })).toBeNull();
    expect(exemptionProblem({ kind: 'passage', reason: 'other', note: 'fordi', segments: seg })).toBe('reason');
    expect(exemptionProblem({ kind: 'passage', reason: 'ofl-30-2', note: '', segments: [] })).toBe('passage');
    expect(exemptionProblem({ kind: 'referat', reason: 'other', note: ' ', segments: [] })).toBe('note');
    expect(exemptionProblem({ kind: 'referat', reason: 'other', note: 'Dublet af 2026-01-14', segments: [] })).toBeNull();
    expect(exemptionProblem({ kind: 'referat', reason: 'ofl-23', note: 'x'.repeat(1001), segments: [] })).toBe('noteLength');
  });
});
