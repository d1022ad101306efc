import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readMeta, setTitle } from '../core/meta';
import { readParticipants } from '../core/participants';
import * as Y from 'yjs';
import { actionItemElement } from '../core/actionItemElement';
import { bodyFragment } from '../core/referatDoc';
import { createLibraryDatabase, INDEX_VERSION, type LibraryDatabase } from '../storage/libraryDatabase';
import { loadIndexVersion, saveIndexVersion } from '../storage/settingsStore';
import { storedDocIds } from '../storage/storedDocIds';
import { indexPendingMarks } from '../storage/indexPending';
import { autoVersionsOf } from '../storage/autoVersions';
import { createReferat } from './createReferat';
import { leaveOut } from './caseExemptions';
import { deleteForever, moveToTrash, restoreFromTrash } from './libraryActions';
import { openReferatSession, type ReferatSession } from './referatSession';
import { syncIndex } from './syncIndex';

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

describe('referat sessions', () => {
  it('creates a referat that is indexed, opens it, and keeps edits across a reopen', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Nyt referat', date: '2026-04-02' });
    expect(await db.referater.get(id)).toMatchObject({ title: 'Nyt referat', date: '2026-04-02', parties: ['Aarhus Kommune'] });
    const s = await open(db, id);
    setTitle(s.doc, 'Styregruppemøde');
    await s.close();
    expect((await db.referater.get(id))?.title).toBe('Styregruppemøde');
    const again = await open(db, id);
    expect(readMeta(again.doc).title).toBe('Styregruppemøde');
    expect(readParticipants(again.doc).map((p) => p.name)).toEqual(['Mette Holm']);
    await again.close();
  });

  it('says not found for an unknown or malformed id, and creates no database for it', async () => {
    const db = await freshDb();
    const before = await storedDocIds();
    expect((await openReferatSession(db, '00000000-0000-4000-8000-000000000000')).kind).toBe('notFound');
    expect((await openReferatSession(db, '../../etc')).kind).toBe('notFound');
    expect(await storedDocIds()).toEqual(before);
  });

  it('rebuilds a lost index from the documents, and drops rows whose document is gone', async () => {
    const db = await freshDb();
    const a = await createReferat(db, profile, { title: 'A', date: '2026-01-01' });
    const b = await createReferat(db, profile, { title: 'B', date: '2026-01-02' });
    await db.referater.clear();
    await db.referater.put({ ...(await freshRow('ghost')) });
    const report = await syncIndex(db);
    expect(report.removed).toBe(1);
    const titles = (await db.referater.toArray()).filter((r) => [a, b].includes(r.id)).map((r) => r.title).toSorted();
    expect(titles).toEqual(['A', 'B']);
    expect(await db.referater.get('ghost')).toBeUndefined();
  });

  it('projects again at the next start a referat whose session ended without a clean close (a killed tab)', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Før', date: '2026-01-01' });
    await syncIndex(db); // Indexes what earlier tests left in the shared fake IndexedDB.
    const s = await open(db, id);
    expect((await indexPendingMarks(db)).map((m) => m.docId)).toEqual([id]);
    setTitle(s.doc, 'Efter');
    await s.flushSaves();
    // The document holds the new title; the index row is still the old one (its write comes a second later).
    expect((await db.referater.get(id))?.title).toBe('Før');
    expect(await syncIndex(db)).toEqual({ projected: 1, removed: 0 });
    expect((await db.referater.get(id))?.title).toBe('Efter');
    expect(await indexPendingMarks(db)).toEqual([]);
    await s.close();
  });

  it('leaves no mark after a clean close, so the next start projects nothing', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'A', date: '2026-01-01' });
    await syncIndex(db); // Indexes what earlier tests left in the shared fake IndexedDB.
    const s = await open(db, id);
    setTitle(s.doc, 'B');
    await s.close();
    expect(await indexPendingMarks(db)).toEqual([]);
    expect(await syncIndex(db)).toEqual({ projected: 0, removed: 0 });
    expect((await db.referater.get(id))?.title).toBe('B');
  });

  it('makes an automatic version on the device when a session that edited closes, and none for one that only read', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Før', date: '2026-01-01' });
    const reader = await open(db, id);
    await reader.close();
    expect(await autoVersionsOf(db, id)).toEqual([]);
    const s = await open(db, id);
    setTitle(s.doc, 'Efter');
    await s.close();
    const versions = await autoVersionsOf(db, id);
    expect(versions.map((v) => v.reason)).toEqual(['pause']);
    const again = await open(db, id);
    expect(Y.equalSnapshots(Y.decodeSnapshotV2(versions[0]!.snapshot), Y.snapshot(again.doc))).toBe(true);
    await again.close();
  });

  it('rebuilds an index written by an older version, Opfølgning slices included', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-02-01' });
    const s = await open(db, id);
    const agenda = bodyFragment(s.doc).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'agendaItem');
    agenda!.insert(1, [actionItemElement({ id: 'ai-1', owner: 'Bo Lund', ownerOrganisation: 'Systemhuset A/S', due: '2026-03-15', done: false, originDoc: '', originItem: '' }, 'Send logfiler')]);
    await s.close();
    // What version 2 left behind: rows without Opfølgning slices, and its index version.
    await db.followUps.clear();
    await saveIndexVersion(db, INDEX_VERSION - 1);
    await syncIndex(db);
    expect((await db.followUps.get(id))?.actionItems.map((i) => [i.id, i.text, i.owner])).toEqual([['ai-1', 'Send logfiler', 'Bo Lund']]);
    expect(await loadIndexVersion(db)).toBe(INDEX_VERSION);
  });

  it('trashes and restores; deletes for good only from the trash', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Slettes', date: '2026-01-01' });
    await expect(deleteForever(db, id)).rejects.toThrow(/trash/);
    expect(await storedDocIds()).toContain(id);
    await moveToTrash(db, id);
    expect(await db.trash.get(id)).toBeTruthy();
    await restoreFromTrash(db, id);
    expect(await db.trash.get(id)).toBeUndefined();
    await moveToTrash(db, id);
    await leaveOut(db, id, 'out-of-scope', '');
    expect(await db.exemptions.where('docId').equals(id).count()).toBe(1);
    await db.relayCursors.put({ docId: id, mailboxId: 'm', cursor: {} as never, posted: new Uint8Array(), updatedAt: 0 });
    await deleteForever(db, id);
    expect(await db.relayCursors.get(id)).toBeUndefined();
    expect(await storedDocIds()).not.toContain(id);
    // The case work on it goes too.
    expect(await db.exemptions.where('docId').equals(id).count()).toBe(0);
    expect(await db.referater.get(id)).toBeUndefined();
    expect((await openReferatSession(db, id)).kind).toBe('notFound');
  });
});

async function freshRow(id: string) {
  return { id, title: 'ghost', date: '', startTime: '', endTime: '', location: '', status: 'draft' as const, parties: [], participantNames: [], text: '', formatVersion: 2, createdAt: '', agendaTitles: [], decisions: [], actionItems: [], seriesId: '', seriesName: '', previousId: '', indexedAt: 0 };
}
