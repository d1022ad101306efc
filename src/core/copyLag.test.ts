import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, paragraph, peer, textAt } from '../testSupport/yBody';
import { approvalsArray, metaMap, participantsArray } from './referatDoc';
import { copyLag, lacksVisible } from './copyLag';

const sv = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('copy lag', () => {
  it('is complete when they hold every change', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Budgettet godkendes.')]);
    expect(copyLag(doc, sv(doc))).toMatchObject({ complete: true, paragraphs: 0, words: 0 });
  });

  it('counts paragraphs and words written since their state, not Yjs items', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Budgettet godkendes.'), paragraph('Eventuelt')]);
    const theirs = sv(doc);
    // 30 characters typed one by one are 30 Yjs items, but four words in one paragraph.
    const typed = ': leverandøren sender tidsplan';
    for (const [i, ch] of [...typed].entries()) textAt(doc, 1).insert('Eventuelt'.length + i, ch);
    body(doc).insert(2, [paragraph('Næste møde er i januar.')]);
    const lag = copyLag(doc, theirs);
    expect(lag).toMatchObject({ complete: false, paragraphs: 2, words: 3 + 5, details: false, participants: false, approvals: false });
  });

  it('counts a word replaced inside a paragraph once', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Mødet holdes tirsdag i Aarhus.')]);
    const theirs = sv(doc);
    const text = textAt(doc, 0);
    text.delete('Mødet holdes '.length, 'tirsdag'.length);
    text.insert('Mødet holdes '.length, 'onsdag');
    expect(copyLag(doc, theirs)).toMatchObject({ paragraphs: 1, words: 1 });
  });

  it('names the other parts they lack: meeting details, participants, approvals', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Tekst')]);
    const theirs = sv(doc);
    metaMap(doc).set('location', 'Rådhuset');
    participantsArray(doc).push([new Y.Map()]);
    approvalsArray(doc).push([new Y.Map()]);
    expect(copyLag(doc, theirs)).toEqual({ complete: false, paragraphs: 0, words: 0, details: true, participants: true, approvals: true });
  });

  it('counts the whole text for a party that holds nothing', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Et to tre.'), paragraph('Fire')]);
    expect(copyLag(doc, new Map())).toMatchObject({ paragraphs: 2, words: 4 });
  });

  it('does not count text written and deleted again before they saw it', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Tekst')]);
    const theirs = sv(doc);
    textAt(doc, 0).insert(5, ' og mere');
    textAt(doc, 0).delete(5, 8);
    expect(copyLag(doc, theirs)).toMatchObject({ complete: false, paragraphs: 0, words: 0 });
  });
});

describe('what a reader sees', () => {
  it('counts bookkeeping alone as nothing visible missing', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Tekst')]);
    const theirs = sv(doc);
    doc.getMap('claims').set('1', 'nøgle');
    const lag = copyLag(doc, theirs);
    expect(lag.complete).toBe(false);
    expect(lacksVisible(lag)).toBe(false);
    metaMap(doc).set('location', 'Rådhuset');
    expect(lacksVisible(copyLag(doc, theirs))).toBe(true);
  });
});
