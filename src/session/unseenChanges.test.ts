import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment, newReferatDoc } from '../core/referatDoc';
import { useFreshLibraryDatabases } from '../testSupport/freshLibraryDatabase';
import { openSession } from '../testSupport/openSession';
import { createReferat } from './createReferat';
import { loadLocalIdentity } from './localIdentity';
import { markSeen, unseenChanges } from './unseenChanges';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const freshDb = useFreshLibraryDatabases();

const open = openSession;

function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  bodyFragment(doc).push([p]);
}

describe('what changed since I last looked', () => {
  it('reports another party\'s changes since the mark, leaves out this device\'s own, and is quiet once marked as seen', async () => {
    const db = await freshDb();
    const { me } = await loadLocalIdentity(db, profile);
    const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-04-02' });
    const s = await open(db, id);
    s.setAuthor(me.fingerprint);
    expect(await unseenChanges(db, id, s.doc, me.fingerprint)).toEqual({ kind: 'firstLook' });
    await markSeen(db, id, s.doc);
    expect(await unseenChanges(db, id, s.doc, me.fingerprint)).toEqual({ kind: 'upToDate' });

    // My own edit is not news.
    appendParagraph(s.doc, 'Mit eget afsnit');
    await new Promise((r) => setTimeout(r, 50)); // the session's claim for its client id is signed asynchronously
    expect((await unseenChanges(db, id, s.doc, me.fingerprint)).kind).toBe('upToDate');

    // The vendor's copy (another client, no claim on this device) adds two paragraphs; the merge arrives as a file would.
    const vendor = newReferatDoc();
    Y.applyUpdate(vendor, Y.encodeStateAsUpdate(s.doc));
    appendParagraph(vendor, 'Leverandørens første afsnit');
    appendParagraph(vendor, 'Leverandørens andet afsnit');
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(vendor, Y.encodeStateVector(s.doc)), 'file-import');
    const news = await unseenChanges(db, id, s.doc, me.fingerprint);
    expect(news.kind).toBe('changed');
    if (news.kind !== 'changed') return;
    expect(news.total).toBe(2);
    expect(news.authors.map((a) => [a.verified, a.changes])).toEqual([[false, 2]]);

    await markSeen(db, id, s.doc);
    expect(await unseenChanges(db, id, s.doc, me.fingerprint)).toEqual({ kind: 'upToDate' });
    await s.close();
  });

  it('says a mark from a copy this device no longer holds cannot be compared', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-04-02' });
    const s = await open(db, id);
    const ahead = newReferatDoc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(s.doc));
    appendParagraph(ahead, 'Findes ikke her');
    await db.seenMarks.put({ docId: id, snapshot: Y.encodeSnapshot(Y.snapshot(ahead)), seenAt: 1 });
    expect(await unseenChanges(db, id, s.doc, null)).toEqual({ kind: 'notComparable', seenAt: 1 });
    await db.seenMarks.put({ docId: id, snapshot: new Uint8Array([255, 255, 255]), seenAt: 2 });
    expect(await unseenChanges(db, id, s.doc, null)).toEqual({ kind: 'notComparable', seenAt: 2 });
    await s.close();
  });
});
