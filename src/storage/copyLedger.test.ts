import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFor, MAX_LEDGER_ROWS, recordHeld, recordSent } from './copyLedger';
import { createLibraryDatabase, type LibraryDatabase } from './libraryDatabase';

const DOC = '0b7c2f7e-3d4b-4f43-9a51-5a6f2c1d9e10';
const OTHER = '1b7c2f7e-3d4b-4f43-9a51-5a6f2c1d9e11';
const party = (i: number) => ({
  fingerprint: `${String(i).padStart(4, '0')} AAAA AAAA AAAA AAAA AAAA AAAA AAAA`,
  name: `Part ${i}`,
  organisation: 'Systemhuset A/S',
  organisationKind: 'leverandoer',
});
const SV = new Uint8Array([1, 2, 3]);

let db: LibraryDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('copy ledger cap', () => {
  it(`keeps at most ${MAX_LEDGER_ROWS} parties per referat, dropping the one seen longest ago`, async () => {
    db = createLibraryDatabase();
    for (let i = 0; i < MAX_LEDGER_ROWS; i++) await recordHeld(db, DOC, party(i), SV, 'live', 1000 + i);
    await recordHeld(db, OTHER, party(0), SV, 'file', 10);
    // Party 0 is seen again, so party 1 is now the one seen longest ago.
    await recordHeld(db, DOC, party(0), new Uint8Array([9]), 'live', 5000);
    await recordHeld(db, DOC, party(MAX_LEDGER_ROWS), SV, 'live', 6000);
    const rows = await ledgerFor(db, DOC);
    expect(rows).toHaveLength(MAX_LEDGER_ROWS);
    const names = rows.map((r) => r.name);
    expect(names).not.toContain('Part 1');
    expect(names).toContain('Part 0');
    expect(names).toContain(`Part ${MAX_LEDGER_ROWS}`);
    // Another referat's rows are untouched.
    expect((await ledgerFor(db, OTHER)).map((r) => r.name)).toEqual(['Part 0']);
  });

  it('counts a file sent as contact, and never evicts the row just written', async () => {
    db = createLibraryDatabase();
    for (let i = 0; i < MAX_LEDGER_ROWS; i++) await recordHeld(db, DOC, party(i), SV, 'live', 1000 + i);
    await recordSent(db, DOC, party(0), SV, 9000);
    await recordSent(db, DOC, party(MAX_LEDGER_ROWS + 1), SV, 1);
    const names = (await ledgerFor(db, DOC)).map((r) => r.name);
    expect(names).toHaveLength(MAX_LEDGER_ROWS);
    expect(names).toContain('Part 0');
    expect(names).toContain(`Part ${MAX_LEDGER_ROWS + 1}`);
    expect(names).not.toContain('Part 1');
  });
});
