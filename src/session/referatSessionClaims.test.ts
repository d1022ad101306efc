import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkClaims, readClaimEntries } from '../core/clientClaims';
import { setTitle } from '../core/meta';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { createReferat } from './createReferat';
import { loadLocalIdentity } from './localIdentity';
import { openReferatSession, type ReferatSession } from './referatSession';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

async function freshDb(): Promise<LibraryDatabase> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

async function open(db: LibraryDatabase, id: string): Promise<ReferatSession> {
  const r = await openReferatSession(db, id);
  if (r.kind !== 'open') throw new Error('not open');
  return r.session;
}

describe('the session claims its client id', () => {
  it('writes one signed claim at the first local change, and none when nothing changes', async () => {
    const db = await freshDb();
    const { me } = await loadLocalIdentity(db, profile);
    const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-04-02' });

    const idle = await open(db, id);
    idle.setAuthor(me.fingerprint);
    await idle.close();
    const check = await open(db, id);
    expect(readClaimEntries(check.doc)).toEqual([]);
    await check.close();

    const s = await open(db, id);
    s.setAuthor(me.fingerprint);
    const client = s.doc.clientID;
    setTitle(s.doc, 'Styregruppemøde');
    setTitle(s.doc, 'Styregruppemøde 2');
    await s.close();

    const again = await open(db, id);
    const claims = await checkClaims(again.doc);
    expect([...claims.owners]).toEqual([[client, me.fingerprint]]);
    expect(claims.conflicting).toEqual([]);
    await again.close();
  });
});
