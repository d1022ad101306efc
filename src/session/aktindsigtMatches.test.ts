import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newSampleId, sampleReferat } from '../testSupport/sampleReferat';
import { libraryEntry } from '../core/libraryEntry';
import { EMPTY_SELECTION } from '../export/packageSelection';
import { createLibraryDatabase } from '../storage/libraryDatabase';
import { aktindsigtMatches } from './aktindsigtMatches';
import { moveToTrash } from './libraryActions';

describe('aktindsigtMatches', () => {
  it('filters the index by party, period, text (Danish-aware) and status, leaves the trash out, oldest first', async () => {
    const db = createLibraryDatabase();
    await db.delete();
    await db.open();
    const rows = [
      { title: 'Driftsmøde', date: '2026-03-04', organisation: 'Systemhuset A/S', text: 'Servicevinduet i Aabenraa flyttes.' },
      { title: 'Styregruppemøde', date: '2026-01-14', organisation: 'Systemhuset A/S', text: 'Budgettet godkendes.', status: 'approved' as const },
      { title: 'Releasemøde', date: '2025-12-01', organisation: 'KMD A/S', text: 'Releasen er udskudt.' },
      { title: 'Papirkurv', date: '2026-02-01', organisation: 'Systemhuset A/S', text: 'Slettet.' },
    ].map((s) => {
      const id = newSampleId();
      return { ...libraryEntry(sampleReferat({ id, ...s }), id), indexedAt: 0 };
    });
    await db.referater.bulkPut(rows);
    await moveToTrash(db, rows[3]?.id ?? '');
    const titles = async (s: Partial<typeof EMPTY_SELECTION>) => (await aktindsigtMatches(db, { ...EMPTY_SELECTION, ...s })).map((r) => r.title);

    expect(await titles({})).toEqual(['Releasemøde', 'Styregruppemøde', 'Driftsmøde']);
    expect(await titles({ party: 'systemhuset' })).toEqual(['Styregruppemøde', 'Driftsmøde']);
    expect(await titles({ party: 'Bo Lund', from: '2026-01-01', to: '2026-01-31' })).toEqual(['Styregruppemøde']);
    expect(await titles({ text: 'åbenrå servicevindue' })).toEqual(['Driftsmøde']);
    // Without signed approvals a referat marked approved counts as proposed (core/approvalStatus.ts).
    expect(await titles({ status: 'proposed' })).toEqual(['Styregruppemøde']);
    expect(await titles({ status: 'approved' })).toEqual([]);
    expect(await titles({ party: 'Nogen andre' })).toEqual([]);
    db.close();
  });
});
