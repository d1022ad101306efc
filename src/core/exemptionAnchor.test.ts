import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyTextNodes, plainText } from './bodyTextNodes';
import { anchorSegment, resolveSegment } from './exemptionAnchor';
import { bodyFragment, newReferatDoc } from './referatDoc';

const SECRET = 'timeprisen er 1.150 kr.';

/** A body of two paragraphs; the second holds the secret in the middle. */
function twoParagraphs(): Y.Doc {
  const doc = newReferatDoc();
  const first = new Y.XmlElement('paragraph');
  const second = new Y.XmlElement('paragraph');
  doc.transact(() => {
    first.insert(0, [new Y.XmlText('Mødet blev åbnet.')]);
    second.insert(0, [new Y.XmlText(`Leverandøren oplyste, at ${SECRET} Det noteres.`)]);
    bodyFragment(doc).insert(0, [first, second]);
  });
  return doc;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

function anchorSecret(doc: Y.Doc) {
  const text = bodyTextNodes(doc)[1] as Y.XmlText;
  const from = plainText(text).indexOf(SECRET);
  return anchorSegment(text, from, from + SECRET.length);
}

describe('exemption anchors', () => {
  it('find the same passage after concurrent edits before, after and in other paragraphs', () => {
    const clerk = twoParagraphs();
    const vendor = new Y.Doc();
    Y.applyUpdate(vendor, Y.encodeStateAsUpdate(clerk));
    const segment = anchorSecret(clerk);
    expect(segment.quote).toBe(SECRET);
    // The other party types at the start of the paragraph, right after the passage and in the first paragraph;
    // the clerk types at the end, all at once, and the copies merge.
    const theirs = bodyTextNodes(vendor);
    theirs[1]?.insert(0, 'Tilføjet: ');
    theirs[1]?.insert(plainText(theirs[1]).indexOf(SECRET) + SECRET.length, ' (ekskl. moms)');
    theirs[0]?.insert(0, 'Kl. 10: ');
    bodyTextNodes(clerk)[1]?.insert(plainText(bodyTextNodes(clerk)[1] as Y.XmlText).length, ' Slut.');
    sync(clerk, vendor);
    for (const doc of [clerk, vendor]) {
      const found = resolveSegment(doc, segment);
      expect(found).not.toBeNull();
      expect(plainText(found?.text as Y.XmlText).slice(found?.from, found?.to)).toBe(SECRET);
      expect(found?.from).toBe('Tilføjet: Leverandøren oplyste, at '.length);
    }
  });

  it('survives a round trip through the encoded form (as stored in IndexedDB) and a fresh copy of the document', () => {
    const doc = twoParagraphs();
    const segment = anchorSecret(doc);
    const copy = new Y.Doc({ gc: true });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const stored = { start: new Uint8Array(segment.start), end: new Uint8Array(segment.end), quote: segment.quote };
    expect(resolveSegment(copy, stored)?.from).toBe(resolveSegment(doc, segment)?.from);
  });

  it('reports a passage that was deleted, or edited inside, instead of moving to other text', () => {
    const deleted = twoParagraphs();
    const segment = anchorSecret(deleted);
    const text = bodyTextNodes(deleted)[1] as Y.XmlText;
    text.delete(plainText(text).indexOf(SECRET), SECRET.length);
    expect(resolveSegment(deleted, segment)).toBeNull();

    const edited = twoParagraphs();
    const again = anchorSecret(edited);
    const t2 = bodyTextNodes(edited)[1] as Y.XmlText;
    t2.insert(plainText(t2).indexOf('1.150') + 1, '0');
    expect(resolveSegment(edited, again)).toBeNull();

    const gone = twoParagraphs();
    const third = anchorSecret(gone);
    bodyFragment(gone).delete(1, 1);
    expect(resolveSegment(gone, third)).toBeNull();
  });

  it('refuses an empty or out-of-range passage, and garbage bytes never resolve', () => {
    const doc = twoParagraphs();
    const text = bodyTextNodes(doc)[0] as Y.XmlText;
    expect(() => anchorSegment(text, 3, 3)).toThrow(RangeError);
    expect(() => anchorSegment(text, 0, 999)).toThrow(RangeError);
    expect(resolveSegment(doc, { start: new Uint8Array([1, 2, 3]), end: new Uint8Array([9]), quote: 'x' })).toBeNull();
  });
});
