import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useFreshLibraryDatabases } from '../testSupport/freshLibraryDatabase';
import { addAutoVersion, autoVersionsOf, deleteAutoVersions, MAX_AUTO_VERSIONS } from './autoVersions';

const freshDb = useFreshLibraryDatabases();
const DOC = '6f1c2b1e-0000-4000-8000-000000000001';

describe('automatic versions on the device', () => {
  it('keeps them per referat, oldest first, once per state, and at most the cap (the oldest go)', async () => {
    const db = await freshDb();
    await addAutoVersion(db, { docId: DOC, at: 1, reason: 'pause', snapshot: new Uint8Array([1]) });
    await addAutoVersion(db, { docId: DOC, at: 2, reason: 'import', snapshot: new Uint8Array([1]) });
    await addAutoVersion(db, { docId: 'other', at: 3, reason: 'live', snapshot: new Uint8Array([9]) });
    expect((await autoVersionsOf(db, DOC)).map((v) => [v.at, v.reason])).toEqual([[1, 'pause']]);
    for (let i = 0; i < MAX_AUTO_VERSIONS + 5; i++) await addAutoVersion(db, { docId: DOC, at: 10 + i, reason: 'pause', snapshot: new Uint8Array([2, i % 256, i >> 8]) });
    const kept = await autoVersionsOf(db, DOC);
    expect(kept).toHaveLength(MAX_AUTO_VERSIONS);
    expect(kept[0]?.at).toBe(10 + 5 + 1 - 1);
    expect(kept.at(-1)?.at).toBe(10 + MAX_AUTO_VERSIONS + 4);
    await deleteAutoVersions(db, DOC);
    expect(await autoVersionsOf(db, DOC)).toEqual([]);
    expect(await autoVersionsOf(db, 'other')).toHaveLength(1);
  });
});
