import { describe, expect, it } from 'vitest';
import type { FollowUpItemRow } from './followUpRows';
import { isRowDone, updateTick, type PendingTick } from './followUpTicks';

function row(done: boolean, indexedAt: number): FollowUpItemRow {
  return {
    key: 'd/i',
    docId: 'd',
    docTitle: 'Møde',
    docDate: '',
    seriesId: '',
    seriesName: '',
    indexedAt,
    item: { id: 'i', text: 'x', owner: '', ownerOrganisation: '', due: '', done, originDoc: '', originItem: '', agendaItemId: null },
  };
}

describe('isRowDone', () => {
  it('is the index row when nothing was ticked', () => {
    expect(isRowDone(row(true, 5), new Map())).toBe(true);
    expect(isRowDone(row(false, 5), new Map())).toBe(false);
  });

  it('is the tick while it is being written', () => {
    expect(isRowDone(row(false, 5), new Map([['d/i', { done: true, writtenAt: null, tick: 1 }]]))).toBe(true);
  });

  it('is the tick until the index row that holds the write arrives, then the index row', () => {
    const pending = new Map([['d/i', { done: true, writtenAt: 10, tick: 1 }]]);
    expect(isRowDone(row(false, 9), pending)).toBe(true);
    expect(isRowDone(row(false, 10), pending)).toBe(false);
  });
});

describe('updateTick', () => {
  const first: PendingTick = { done: true, writtenAt: null, tick: 1 };

  it('replaces or removes the tick it names', () => {
    const pending = new Map([['d/i', first]]);
    expect(updateTick(pending, 'd/i', 1, { ...first, writtenAt: 3 }).get('d/i')).toEqual({ done: true, writtenAt: 3, tick: 1 });
    expect(updateTick(pending, 'd/i', 1, null).has('d/i')).toBe(false);
    expect(pending.get('d/i')).toBe(first);
  });

  it('leaves a later tick of the same item alone', () => {
    const later = new Map([['d/i', { done: false, writtenAt: null, tick: 2 }]]);
    expect(updateTick(later, 'd/i', 1, null)).toBe(later);
    expect(updateTick(later, 'd/i', 1, first)).toBe(later);
  });
});
