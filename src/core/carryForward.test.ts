import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { approvedByBoth, trustStatus } from '../testSupport/approvedByBoth';
import { actionItemElement } from './actionItemElement';
import { contentHash } from './canonicalContent';
import { carryForward, seriesOf } from './carryForward';
import { initReferat } from './initReferat';
import { readMeta } from './meta';
import { newReferatDoc } from './referatDoc';
import { findAgendaItem, readStructure, recordActionItemDone, setActionItemDone } from './structure';
import { BLANK_TEMPLATE, STANDARD_TEMPLATE, type Template } from './templates';

const creator = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
let n = 0;
const ids = () => `id-${++n}`;

function referat(title: string, template: Template = STANDARD_TEMPLATE, id = title): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title, date: '2026-03-01', createdAt: '2026-03-01T08:00:00Z', template, creator });
  return doc;
}

function addItem(doc: Y.Doc, agendaTitle: string, id: string, text: string, done = false): void {
  const item = findAgendaItem(doc, (t) => t === agendaTitle);
  if (!item) throw new Error('no agenda item');
  item.insert(1, [actionItemElement({ id, owner: 'Bo Lund', ownerOrganisation: 'Systemhuset A/S', due: '2026-03-15', done, originDoc: '', originItem: '' }, text)]);
}

describe('carry forward', () => {
  it('carries only open items into "Opfølgning fra sidste møde", linked to their origin, and joins a series', () => {
    const prev = referat('Driftsmøde 1');
    addItem(prev, 'Status', 'a1', 'Opdatér driftsvejledningen');
    addItem(prev, 'Beslutninger', 'a2', 'Bestil ny server', true);
    addItem(prev, 'Eventuelt', 'a3', 'Send tidsplan');
    const next = referat('Driftsmøde 2');
    expect(carryForward(prev, 'prev-id', next, ids)).toBe(2);

    const carried = readStructure(next).actionItems;
    expect(carried.map((a) => [a.text, a.done, a.originDoc, a.originItem, a.owner, a.due])).toEqual([
      ['Opdatér driftsvejledningen', false, 'prev-id', 'a1', 'Bo Lund', '2026-03-15'],
      ['Send tidsplan', false, 'prev-id', 'a3', 'Bo Lund', '2026-03-15'],
    ]);
    const followUp = readStructure(next).agendaItems.find((a) => a.title === 'Opfølgning fra sidste møde');
    expect(carried.every((a) => a.agendaItemId === followUp?.id)).toBe(true);
    expect(seriesOf(next)).toEqual(seriesOf(prev));
    expect(seriesOf(prev)?.seriesName).toBe('Driftsmøde 1');
    // The earlier referat is linked outside its signed meta.
    expect(prev.getMap('meta').get('seriesId')).toBeUndefined();
    expect(prev.getMap('links').get('seriesId')).toBe(seriesOf(next)?.seriesId);
    expect(next.getMap('meta').get('previousId')).toBe('prev-id');
    expect(readMeta(next).title).toBe('Driftsmøde 2');
  });

  it('adds a follow-up agenda item when the template has none, and carries nothing when all are done', () => {
    const prev = referat('Møde A');
    addItem(prev, 'Status', 'x', 'Gøres');
    const next = referat('Møde B', BLANK_TEMPLATE);
    carryForward(prev, 'A', next, ids);
    expect(readStructure(next).agendaItems.map((a) => a.title)).toEqual(['Opfølgning fra sidste møde']);
    setActionItemDone(prev, 'x', true);
    const third = referat('Møde C');
    expect(carryForward(prev, 'A', third, ids)).toBe(0);
    expect(readStructure(third).actionItems).toEqual([]);
  });
});

describe('carry forward leaves an approved referat approved', () => {
  /** A referat whose id is a UUID, as approvals need. */
  const approvable = (title: string) => referat(title, STANDARD_TEMPLATE, globalThis.crypto.randomUUID());

  async function approved(doc: Y.Doc): Promise<{ hash: string; status: () => Promise<string> }> {
    const dir = await approvedByBoth(doc);
    const status = () => trustStatus(doc, dir);
    expect(await status()).toBe('approved');
    return { hash: contentHash(doc), status };
  }

  it('"Næste møde" from an approved referat with no series: its content hash stays, it reads as in the series', async () => {
    const prev = approvable('Driftsmøde 1');
    addItem(prev, 'Status', 'a1', 'Opdatér driftsvejledningen');
    const { hash, status } = await approved(prev);
    const next = referat('Driftsmøde 2');
    expect(carryForward(prev, 'prev-id', next, ids)).toBe(1);
    expect(contentHash(prev)).toBe(hash);
    expect(await status()).toBe('approved');
    expect(seriesOf(prev)).toEqual({ seriesId: seriesOf(next)?.seriesId, seriesName: 'Driftsmøde 1' });
    // A second "Næste møde" from the same referat reuses the linked series and writes nothing into it.
    const before = Y.encodeStateVector(prev);
    carryForward(prev, 'prev-id', referat('Driftsmøde 2b'), ids);
    expect(Y.encodeStateVector(prev)).toEqual(before);
  });

  it('a referat already in a series keeps its own series and is not written', async () => {
    const prev = approvable('Møde 5');
    prev.getMap('meta').set('seriesId', 'series-1');
    prev.getMap('meta').set('seriesName', 'Styregruppen');
    await approved(prev);
    const before = Y.encodeStateVector(prev);
    carryForward(prev, 'p5', referat('Møde 6'), ids);
    expect(Y.encodeStateVector(prev)).toEqual(before);
  });

  it('seriesOf prefers the signed meta over a link, and ignores a malformed link', () => {
    const doc = referat('Møde X');
    doc.getMap('links').set('seriesId', 42);
    expect(seriesOf(doc)).toBeNull();
    doc.getMap('links').set('seriesId', 'x'.repeat(101));
    expect(seriesOf(doc)).toBeNull();
    doc.getMap('links').set('seriesId', 'linked');
    doc.getMap('links').set('seriesName', new Y.Text('ikke en streng'));
    expect(seriesOf(doc)).toEqual({ seriesId: 'linked', seriesName: '' });
    doc.getMap('meta').set('seriesId', 'own');
    doc.getMap('meta').set('seriesName', 'Egen');
    expect(seriesOf(doc)).toEqual({ seriesId: 'own', seriesName: 'Egen' });
  });

  it('an item ticked in the follow-up map is not carried forward, and the content hash stays', async () => {
    const prev = approvable('Møde A');
    addItem(prev, 'Status', 'x', 'Gøres');
    addItem(prev, 'Status', 'y', 'Også');
    const { hash, status } = await approved(prev);
    expect(recordActionItemDone(prev, 'x', true, 'AAAA')).toBe(true);
    expect(contentHash(prev)).toBe(hash);
    expect(await status()).toBe('approved');
    const next = referat('Møde B');
    expect(carryForward(prev, 'A', next, ids)).toBe(1);
    expect(readStructure(next).actionItems.map((a) => a.originItem)).toEqual(['y']);
  });
});
