import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { approvedByBoth, trustStatus } from '../testSupport/approvedByBoth';
import { actionItemElement } from '../core/actionItemElement';
import { contentHash } from '../core/canonicalContent';
import { seriesOf } from '../core/carryForward';
import { readStructure, findAgendaItem, setActionItemDone } from '../core/structure';
import { createLibraryDatabase } from '../storage/libraryDatabase';
import { installClosurePropagation } from './closurePropagation';
import { createNextMeeting } from './createNextMeeting';
import { createReferat } from './createReferat';
import { openReferatSession, type ReferatSession } from './referatSession';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

async function open(db: ReturnType<typeof createLibraryDatabase>, id: string): Promise<ReferatSession> {
  const r = await openReferatSession(db, id);
  if (r.kind !== 'open') throw new Error('not open');
  return r.session;
}

describe('closing a carried item closes it at its origin', () => {
  it('ticks off the origin, and through a chain of three meetings back to the first', async () => {
    const db = createLibraryDatabase();
    await db.delete();
    await db.open();
    installClosurePropagation(db);
    const first = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-01-10' });
    const s1 = await open(db, first);
    findAgendaItem(s1.doc, (t) => t === 'Status')?.insert(1, [
      actionItemElement({ id: 'orig', owner: 'Bo', ownerOrganisation: 'Systemhuset', due: '', done: false, originDoc: '', originItem: '' }, 'Opdatér vejledning'),
    ]);
    const second = (await createNextMeeting(db, s1, profile, { date: '2026-02-10', authorFingerprint: 'F' })).id;
    await s1.close();
    const s2 = await open(db, second);
    const third = (await createNextMeeting(db, s2, profile, { date: '2026-03-10', authorFingerprint: 'F' })).id;
    await s2.close();

    const s3 = await open(db, third);
    const carried = readStructure(s3.doc).actionItems;
    expect(carried.map((a) => [a.text, a.originDoc])).toEqual([['Opdatér vejledning', second]]);
    setActionItemDone(s3.doc, carried[0]?.id ?? '', true);
    await s3.reindex();
    await s3.close();

    const doneIn = async (id: string) => (await db.referater.get(id))?.actionItems.map((a) => a.done);
    await expect.poll(() => doneIn(second)).toEqual([true]);
    await expect.poll(() => doneIn(first)).toEqual([true]);
    const s1again = await open(db, first);
    expect(readStructure(s1again.doc).actionItems.map((a) => a.done)).toEqual([true]);
    await s1again.close();
    db.close();
  });

  it('"Næste møde" and closing the carried item leave the approved first referat approved', async () => {
    const db = createLibraryDatabase();
    await db.delete();
    await db.open();
    installClosurePropagation(db);
    const first = await createReferat(db, profile, { title: 'Styregruppe', date: '2026-01-10' });
    const s1 = await open(db, first);
    findAgendaItem(s1.doc, (t) => t === 'Status')?.insert(1, [
      actionItemElement({ id: 'orig', owner: 'Bo', ownerOrganisation: 'Systemhuset', due: '', done: false, originDoc: '', originItem: '' }, 'Opdatér vejledning'),
    ]);
    const dir = await approvedByBoth(s1.doc);
    const hash = contentHash(s1.doc);
    expect(await trustStatus(s1.doc, dir)).toBe('approved');
    const second = (await createNextMeeting(db, s1, profile, { date: '2026-02-10', authorFingerprint: 'F' })).id;
    expect(contentHash(s1.doc)).toBe(hash);
    await s1.close();
    expect((await db.referater.get(first))?.seriesId).toBe((await db.referater.get(second))?.seriesId);

    const s2 = await open(db, second);
    setActionItemDone(s2.doc, readStructure(s2.doc).actionItems[0]?.id ?? '', true);
    await s2.reindex();
    await s2.close();
    await expect.poll(async () => (await db.referater.get(first))?.actionItems.map((a) => a.done)).toEqual([true]);

    const s1again = await open(db, first);
    expect(contentHash(s1again.doc)).toBe(hash);
    expect(await trustStatus(s1again.doc, dir)).toBe('approved');
    expect(readStructure(s1again.doc).actionItems).toMatchObject([{ id: 'orig', done: true, doneFollowUp: true }]);
    expect(seriesOf(s1again.doc)?.seriesName).toBe('Styregruppe');
    await s1again.close();
    db.close();
  });
});
