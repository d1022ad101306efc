import 'fake-indexeddb/auto';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from '../core/bodyText';
import { readMeta, setTitle } from '../core/meta';
import { bytesSource } from '../export/zipReader';
import { ZipWriter } from '../export/zipWriter';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { storedDocIds } from '../storage/storedDocIds';
import { backupLibrary } from './backupLibrary';
import { createReferat } from './createReferat';
import { deleteForever, moveToTrash } from './libraryActions';
import { loadLocalIdentity } from './localIdentity';
import { openReferatSession } from './referatSession';
import { restoreLibrary, type RestoreReport } from './restoreLibrary';
import { inProcessImportWorker } from '../testSupport/inProcessImportWorker';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

const worker = inProcessImportWorker;

/** An empty device: every referat database and the library database deleted. */
async function freshDevice(): Promise<LibraryDatabase> {
  for (const id of await storedDocIds()) {
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase(`referat-doc-${id}`); r.onsuccess = r.onerror = resolve; });
  }
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

async function edit(db: LibraryDatabase, id: string, change: (doc: Y.Doc) => void): Promise<void> {
  const s = await openReferatSession(db, id);
  if (s.kind !== 'open') throw new Error('not open');
  change(s.session.doc);
  await s.session.close();
}

async function state(db: LibraryDatabase, id: string): Promise<{ text: string; title: string; sv: Uint8Array; update: Uint8Array }> {
  const s = await openReferatSession(db, id);
  if (s.kind !== 'open') throw new Error('not open');
  const { doc } = s.session;
  const out = { text: bodyText(doc), title: readMeta(doc).title, sv: Y.encodeStateVector(doc), update: Y.encodeStateAsUpdate(doc) };
  await s.session.close();
  return out;
}

async function zipOf(write: (w: ZipWriter) => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const w = new ZipWriter({ write: (c) => { chunks.push(c); } });
  await write(w);
  await w.finish();
  return new Uint8Array(Buffer.concat(chunks));
}

/** A fresh device with one referat per title, and its backup. */
async function deviceWithBackup(titles: string[]) {
  const db = await freshDevice();
  const local = await loadLocalIdentity(db, profile);
  const ids: string[] = [];
  for (const [i, title] of titles.entries()) ids.push(await createReferat(db, profile, { title, date: `2026-01-0${i + 1}` }));
  const chunks: Uint8Array[] = [];
  await backupLibrary(db, local, { write: (c) => { chunks.push(c); } });
  return { db, local, ids, backup: new Uint8Array(Buffer.concat(chunks)) };
}

describe('backup and restore', () => {
  it('backs up every referat, and a new device restores identical documents, the trash included', async () => {
    const db = await freshDevice();
    const local = await loadLocalIdentity(db, profile);
    const a = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-01-14' });
    const b = await createReferat(db, profile, { title: 'Styregruppemøde', date: '2026-03-04' });
    await edit(db, a, (doc) => setTitle(doc, 'Driftsmøde med Systemhuset'));
    await moveToTrash(db, b);
    const chunks: Uint8Array[] = [];
    const progress: number[] = [];
    const result = await backupLibrary(db, local, { write: (c) => { chunks.push(c); } }, { onProgress: (p) => progress.push(p.done) });
    expect(result.count).toBe(2);
    expect(progress).toEqual([1, 2]);
    const backup = new Uint8Array(Buffer.concat(chunks));
    const before = { a: await state(db, a), b: await state(db, b) };

    const fresh = await freshDevice();
    expect(await storedDocIds()).toEqual([]);
    const report = await restoreLibrary(fresh, bytesSource(backup), { ownFingerprint: 'another device', worker });
    if (report.kind !== 'done') throw new Error(report.detail);
    expect(report.rows.map((r) => [r.docId, r.outcome]).toSorted()).toEqual([[a, 'new'], [b, 'new']].toSorted());
    expect(report.index?.device.fingerprint).toBe(local.me.fingerprint);
    for (const [id, was] of [[a, before.a], [b, before.b]] as const) {
      const now = await state(fresh, id);
      expect(now.text).toBe(was.text);
      expect(now.title).toBe(was.title);
      expect(now.sv).toEqual(was.sv);
      const x = new Y.Doc({ gc: false });
      const y = new Y.Doc({ gc: false });
      Y.applyUpdate(x, now.update);
      Y.applyUpdate(y, was.update);
      expect(Y.equalSnapshots(Y.snapshot(x), Y.snapshot(y))).toBe(true);
    }
    expect((await fresh.trash.toArray()).map((t) => t.id)).toEqual([b]);
    expect((await fresh.referater.toArray()).map((r) => r.title).toSorted()).toEqual(['Driftsmøde med Systemhuset', 'Styregruppemøde']);

    // Again: nothing new. After a local edit: the backup changes nothing, it never overwrites.
    const again = await restoreLibrary(fresh, bytesSource(backup), { ownFingerprint: 'another device', worker });
    expect(again.kind === 'done' && again.rows.map((r) => r.outcome)).toEqual(['upToDate', 'upToDate']);
    await edit(fresh, a, (doc) => setTitle(doc, 'Driftsmøde, nyt navn'));
    const third = await restoreLibrary(fresh, bytesSource(backup), { ownFingerprint: 'another device', worker });
    expect(third.kind === 'done' && third.rows.map((r) => r.outcome)).toEqual(['upToDate', 'upToDate']);
    expect((await state(fresh, a)).title).toBe('Driftsmøde, nyt navn');
  }, 60_000);

  it('refuses a bad restore file with a reason and changes nothing', async () => {
    const { db, local, ids: [keep = '', other = ''], backup } = await deviceWithBackup(['Bliver', 'Andet']);
    await moveToTrash(db, other);
    await deleteForever(db, other);
    const snapshot = async () => ({ ids: (await storedDocIds()).toSorted(), rows: (await db.referater.toArray()).map((r) => r.id).toSorted(), keep: (await state(db, keep)).sv });
    const before = await snapshot();

    const cases: Array<[string, Uint8Array, string]> = [
      ['not a zip', new TextEncoder().encode('hello'), 'notZip'],
      ['empty', new Uint8Array(0), 'empty'],
      ['truncated', backup.subarray(0, Math.floor(backup.length / 2)), 'truncated'],
      ['path escape', zipSync({ '../evil.referat': new Uint8Array(10) }), 'unsafePath'],
      ['absolute path', zipSync({ '/tmp/evil.referat': new Uint8Array(10) }), 'unsafePath'],
      ['backslash', zipSync({ 'a\\..\\evil.referat': new Uint8Array(10) }), 'unsafePath'],
      ['drive letter', zipSync({ 'C:/evil.referat': new Uint8Array(10) }), 'unsafePath'],
      ['zip bomb', zipSync({ 'bomb.referat': new Uint8Array(4 * 1024 * 1024) }, { level: 9 }), 'ratio'],
      ['no referater', zipSync({ 'notes.txt': new TextEncoder().encode('x') }), 'noReferater'],
      ['bad index', zipSync({ 'a.referat': new Uint8Array(3), 'backup.json': new TextEncoder().encode('{"backupVersion":1}') }), 'badIndex'],
    ];
    for (const [name, bytes, code] of cases) {
      const report: RestoreReport = await restoreLibrary(db, bytesSource(bytes), { ownFingerprint: local.me.fingerprint, worker });
      expect(report, name).toMatchObject({ kind: 'error', code });
      expect(await snapshot(), name).toEqual(before);
    }

    // A damaged entry in an otherwise good backup (CRC fails): the whole ZIP is refused before anything merges.
    const damaged = backup.slice();
    damaged[200] = (damaged[200] ?? 0) ^ 0xff;
    expect(await restoreLibrary(db, bytesSource(damaged), { ownFingerprint: local.me.fingerprint, worker })).toMatchObject({ kind: 'error', code: 'corrupt' });
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('merges the good referater of a ZIP and rejects a tampered one with its reason', async () => {
    const { ids: [a = '', b = ''], backup } = await deviceWithBackup(['God', 'Ændret']);
    const files = unzipSync(backup);
    const tampered = (files[`referater/${b}.referat`] ?? new Uint8Array()).slice();
    tampered[tampered.length - 80] = (tampered[tampered.length - 80] ?? 0) ^ 1;
    const mixed = await zipOf(async (w) => {
      await w.add(`referater/${a}.referat`, files[`referater/${a}.referat`] ?? new Uint8Array());
      await w.add(`referater/${b}.referat`, tampered);
    });

    const fresh = await freshDevice();
    const report = await restoreLibrary(fresh, bytesSource(mixed), { ownFingerprint: 'x', worker });
    if (report.kind !== 'done') throw new Error(report.detail);
    expect(report.rows.map((r) => ({ path: r.path, outcome: r.outcome, reason: r.reason }))).toEqual([
      { path: `referater/${a}.referat`, outcome: 'new', reason: null },
      { path: `referater/${b}.referat`, outcome: 'rejected', reason: expect.stringMatching(/^(hashMismatch|badSignature)$/) },
    ]);
    expect(await storedDocIds()).toEqual([a]);
  }, 60_000);
});
