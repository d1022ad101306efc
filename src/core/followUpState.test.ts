import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionItemElement } from './actionItemElement';
import { contentHash } from './canonicalContent';
import { followUpMap, readFollowUp } from './followUpState';
import { initReferat } from './initReferat';
import { newReferatDoc } from './referatDoc';
import { findAgendaItem, readStructure, recordActionItemDone, setActionItemDone } from './structure';
import { STANDARD_TEMPLATE } from './templates';

const creator = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

function referatWithItems(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: 'r-1', title: 'Driftsmøde', date: '2026-03-01', createdAt: '2026-03-01T08:00:00Z', template: STANDARD_TEMPLATE, creator });
  findAgendaItem(doc, (t) => t === 'Status')?.insert(1, [
    actionItemElement({ id: 'a', owner: 'Bo', ownerOrganisation: 'Systemhuset', due: '', done: false, originDoc: '', originItem: '' }, 'Send tidsplan'),
    actionItemElement({ id: 'b', owner: 'Bo', ownerOrganisation: 'Systemhuset', due: '', done: true, originDoc: '', originItem: '' }, 'Bestil server'),
  ]);
  return doc;
}

const doneOf = (doc: Y.Doc) => readStructure(doc).actionItems.map((a) => [a.id, a.done, a.doneFollowUp ?? false]);

describe('follow-up state outside the signed content', () => {
  it('a tick from outside the editor is recorded in followUp, reads as done, and leaves the content hash alone', () => {
    const doc = referatWithItems();
    const hash = contentHash(doc);
    expect(recordActionItemDone(doc, 'a', true, 'ABCD 1234', new Date('2026-03-10T09:00:00Z'))).toBe(true);
    expect(recordActionItemDone(doc, 'b', false, 'ABCD 1234', new Date('2026-03-10T09:00:00Z'))).toBe(true);
    expect(doneOf(doc)).toEqual([['a', true, true], ['b', false, true]]);
    expect(contentHash(doc)).toBe(hash);
    expect(followUpMap(doc).get('a')).toEqual({ done: true, at: '2026-03-10T09:00:00.000Z', by: 'ABCD 1234' });
    // The body attribute is untouched.
    expect(doc.getXmlFragment('body').toString()).toContain('done="false"');
  });

  it('writes nothing when the item already reads so, and refuses an item that does not exist', () => {
    const doc = referatWithItems();
    const before = Y.encodeStateVector(doc);
    expect(recordActionItemDone(doc, 'b', true, 'F')).toBe(true);
    expect(recordActionItemDone(doc, 'no-such-item', true, 'F')).toBe(false);
    expect(recordActionItemDone(doc, '', true, 'F')).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readFollowUp(doc).size).toBe(0);
  });

  it('ticking in the editor (setActionItemDone) writes the body and drops the follow-up entry in one transaction', () => {
    const doc = referatWithItems();
    recordActionItemDone(doc, 'a', true, 'F');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(setActionItemDone(doc, 'a', false)).toBe(true);
    expect(transactions).toBe(1);
    expect(followUpMap(doc).has('a')).toBe(false);
    expect(doneOf(doc)).toEqual([['a', false, false], ['b', true, false]]);
  });

  it('ignores malformed entries a peer may write, and falls back to the body', () => {
    const doc = referatWithItems();
    const m = followUpMap(doc);
    m.set('a', 'done');
    m.set('b', { done: 'false', at: '', by: '' });
    expect(doneOf(doc)).toEqual([['a', false, false], ['b', true, false]]);
    m.set('a', new Y.Map());
    m.set('b', [false]);
    expect(doneOf(doc)).toEqual([['a', false, false], ['b', true, false]]);
    m.set('a', { done: true, at: 3, by: 'F' });
    m.set('b', null);
    expect(doneOf(doc)).toEqual([['a', false, false], ['b', true, false]]);
    expect(readFollowUp(doc).size).toBe(0);
  });

  it('survives a round trip through a Yjs update, as on another copy', () => {
    const doc = referatWithItems();
    recordActionItemDone(doc, 'a', true, 'F', new Date('2026-03-10T09:00:00Z'));
    const copy = newReferatDoc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(doneOf(copy)).toEqual([['a', true, true], ['b', true, false]]);
    expect(contentHash(copy)).toBe(contentHash(doc));
  });
});
