import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { approve } from '../core/approve';
import { contentHash } from '../core/canonicalContent';
import { FORMAT_VERSION } from '../core/formatVersion';
import { readNamedVersions, verifiedNamedVersions } from '../core/namedVersions';
import type { Profile } from '../core/profile';
import { bodyFragment, metaMap } from '../core/referatDoc';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { createReferat } from './createReferat';
import { loadLocalIdentity } from './localIdentity';
import { openReferatSession, type ReferatSession } from './referatSession';
import { saveVersion } from './saveVersion';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const dbs: LibraryDatabase[] = [];
const sessions: ReferatSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const db of dbs.splice(0)) db.close();
});

async function opened(): Promise<{ db: LibraryDatabase; s: ReferatSession }> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  const id = await createReferat(db, METTE, { title: 'Styregruppemøde', date: '2026-03-04' });
  const r = await openReferatSession(db, id);
  if (r.kind !== 'open') throw new Error('not open');
  sessions.push(r.session);
  return { db, s: r.session };
}

describe('saveVersion', () => {
  it('signs a named version of the current text with the device key, changing no content', async () => {
    const { db, s } = await opened();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Første udkast')]);
    bodyFragment(s.doc).push([p]);
    const hash = contentHash(s.doc);
    const local = await loadLocalIdentity(db, METTE);
    const v = await saveVersion(s, local, '  Udkast sendt til leverandør ', new Date('2026-03-04T12:00:00Z'));
    expect(v).toMatchObject({ label: 'Udkast sendt til leverandør', ...METTE, fingerprint: local.me.fingerprint, createdAt: '2026-03-04T12:00:00.000Z', contentHash: hash });
    expect((await verifiedNamedVersions(s.doc)).map((x) => x.id)).toEqual([v.id]);
    expect(contentHash(s.doc)).toBe(hash);
    // The snapshot names the text as it was: later typing is not in it.
    (p.get(0) as Y.XmlText).insert(0, 'Rettet: ');
    expect(Y.createDocFromSnapshot(s.doc, v.snapshot).getXmlFragment('body').toString()).toContain('<paragraph>Første udkast</paragraph>');
  });

  it('works on an approved (locked) referat, and refuses an empty name and a referat of a newer format', async () => {
    const { db, s } = await opened();
    const local = await loadLocalIdentity(db, METTE);
    await approve(s.doc, METTE, local.identity, { expectedHash: contentHash(s.doc) });
    const hash = contentHash(s.doc);
    await saveVersion(s, local, 'Godkendt udgave til arkivet');
    expect(contentHash(s.doc)).toBe(hash);
    await expect(saveVersion(s, local, '   ')).rejects.toThrow(/name/);
    metaMap(s.doc).set('formatVersion', FORMAT_VERSION + 1);
    await expect(saveVersion(s, local, 'For ny')).rejects.toThrow(/cannot be changed/);
    expect(readNamedVersions(s.doc).map((x) => x.label)).toEqual(['Godkendt udgave til arkivet']);
  });
});
