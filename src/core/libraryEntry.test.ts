import { describe, expect, it } from 'vitest';
import { initReferat } from './initReferat';
import { compareEntries, libraryEntry } from './libraryEntry';
import { setMetaField } from './meta';
import { addParticipant } from './participants';
import { newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

describe('libraryEntry', () => {
  it('projects title, date, parties in first-seen order and body text from the document', () => {
    const doc = newReferatDoc();
    initReferat(doc, {
      id: 'r1', title: 'Driftsmøde', date: '2026-05-01', createdAt: '2026-05-01T08:00:00Z', template: STANDARD_TEMPLATE,
      creator: { name: 'Mette', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
    });
    addParticipant(doc, { name: 'Bo', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer', role: '', present: true });
    addParticipant(doc, { name: 'Eva', organisation: ' Aarhus Kommune ', organisationKind: 'kommune', role: '', present: false });
    setMetaField(doc, 'startTime', '10:00');
    const e = libraryEntry(doc, 'r1');
    expect(e).toMatchObject({
      id: 'r1', title: 'Driftsmøde', date: '2026-05-01', startTime: '10:00', status: 'draft',
      parties: ['Aarhus Kommune', 'Systemhuset A/S'], participantNames: ['Mette', 'Bo', 'Eva'], formatVersion: 2,
    });
    expect(e.text).toContain('Opfølgning fra sidste møde');
  });

  it('sorts newest meeting first, undated last, ties by creation time', () => {
    const rows = [
      { id: 'a', date: '2026-01-10', startTime: '', createdAt: '1' },
      { id: 'b', date: '', startTime: '', createdAt: '5' },
      { id: 'c', date: '2026-03-01', startTime: '09:00', createdAt: '2' },
      { id: 'd', date: '2026-03-01', startTime: '13:00', createdAt: '3' },
      { id: 'e', date: '2026-01-10', startTime: '', createdAt: '4' },
    ];
    expect(rows.toSorted(compareEntries).map((r) => r.id)).toEqual(['d', 'c', 'e', 'a', 'b']);
  });
});
