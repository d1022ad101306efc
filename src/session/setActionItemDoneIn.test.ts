import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedByBoth, trustStatus } from '../testSupport/approvedByBoth';
import { actionItemElement } from '../core/actionItemElement';
import { contentHash } from '../core/canonicalContent';
import { findAgendaItem, readStructure } from '../core/structure';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { createReferat } from './createReferat';
import { openReferatSession, type ReferatSession } from './referatSession';
import { setActionItemDoneIn } from './setActionItemDoneIn';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const dbs: LibraryDatabase[] = [];
const freshDb = async () => {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
};
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

async function open(db: LibraryDatabase, id: string): Promise<ReferatSession> {
  const r = await openReferatSession(db, id);
  if (r.kind !== 'open') throw new Error('not open');
  return r.session;
}

async function referatWithActionItem(db: LibraryDatabase): Promise<string> {
  const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-04-02' });
  const s = await open(db, id);
  const agenda = findAgendaItem(s.doc, (t) => t === 'Status');
  if (!agenda) throw new Error('no agenda item "Status"');
  agenda.insert(agenda.length, [
    actionItemElement({ id: 'item-1', owner: 'Jens Bach', ownerOrganisation: 'Systemhuset A/S', due: '2026-04-20', done: false, originDoc: '', originItem: '' }, 'Send opdateret tidsplan'),
  ]);
  await s.close();
  return id;
}

describe('setActionItemDoneIn', () => {
  it('ticks an action item off in the stored referat and updates the index row', async () => {
    const db = await freshDb();
    const id = await referatWithActionItem(db);
    expect((await db.referater.get(id))?.actionItems).toMatchObject([{ id: 'item-1', text: 'Send opdateret tidsplan', done: false }]);

    expect(await setActionItemDoneIn(db, id, 'item-1', true)).toBe(true);
    expect((await db.referater.get(id))?.actionItems).toMatchObject([{ id: 'item-1', done: true, owner: 'Jens Bach' }]);
    const again = await open(db, id);
    expect(readStructure(again.doc).actionItems).toMatchObject([{ id: 'item-1', done: true, agendaItemId: expect.any(String) }]);
    await again.close();

    expect(await setActionItemDoneIn(db, id, 'item-1', false)).toBe(true);
    const third = await open(db, id);
    expect(readStructure(third.doc).actionItems[0]?.done).toBe(false);
    await third.close();
    expect((await db.referater.get(id))?.actionItems[0]?.done).toBe(false);
  });

  it('returns false for an item or referat that does not exist, and changes nothing', async () => {
    const db = await freshDb();
    const id = await referatWithActionItem(db);
    const before = await db.referater.get(id);
    expect(await setActionItemDoneIn(db, id, 'no-such-item', true)).toBe(false);
    expect(await setActionItemDoneIn(db, '00000000-0000-4000-8000-000000000000', 'item-1', true)).toBe(false);
    expect((await db.referater.get(id))?.actionItems).toEqual(before?.actionItems);
  });

  it('leaves a referat approved by both parties approved: the tick goes outside the signed content', async () => {
    const db = await freshDb();
    const id = await referatWithActionItem(db);
    const s = await open(db, id);
    const dir = await approvedByBoth(s.doc);
    const hash = contentHash(s.doc);
    expect(await trustStatus(s.doc, dir)).toBe('approved');
    await s.close();

    expect(await setActionItemDoneIn(db, id, 'item-1', true, { authorFingerprint: 'ABCD EF01', now: new Date('2026-05-01T10:00:00Z') })).toBe(true);
    const again = await open(db, id);
    expect(contentHash(again.doc)).toBe(hash);
    expect(await trustStatus(again.doc, dir)).toBe('approved');
    expect(readStructure(again.doc).actionItems).toMatchObject([{ id: 'item-1', done: true, doneFollowUp: true }]);
    expect(again.doc.getMap('followUp').get('item-1')).toEqual({ done: true, at: '2026-05-01T10:00:00.000Z', by: 'ABCD EF01' });
    await again.close();
    expect((await db.referater.get(id))?.actionItems).toMatchObject([{ id: 'item-1', done: true }]);
  });
});
