import { describe, expect, it } from 'vitest';
import { followUpItemRows, type FollowUpSource } from './followUpRows';
import type { ActionItemInfo } from './structure';

function item(id: string, text: string, due = ''): ActionItemInfo {
  return { id, text, owner: '', ownerOrganisation: '', due, done: false, originDoc: '', originItem: '', agendaItemId: null };
}

function source(id: string, patch: Partial<FollowUpSource>): FollowUpSource {
  return { id, title: `Møde ${id}`, date: '2026-01-01', seriesId: '', seriesName: '', indexedAt: 1, actionItems: [], ...patch };
}

describe('followUpItemRows', () => {
  it('gives every action item a row keyed by referat and item, with its referat', () => {
    const rows = followUpItemRows(
      [source('a', { title: 'Styregruppe', date: '2026-03-01', seriesId: 's1', seriesName: 'Styregruppen', indexedAt: 7, actionItems: [item('i1', 'Send tilbud', '2026-03-10')] })],
      'Uden titel',
    );
    expect(rows).toEqual([
      {
        key: 'a/i1',
        docId: 'a',
        docTitle: 'Styregruppe',
        docDate: '2026-03-01',
        seriesId: 's1',
        seriesName: 'Styregruppen',
        indexedAt: 7,
        item: item('i1', 'Send tilbud', '2026-03-10'),
      },
    ]);
  });

  it('names a referat without a title with the given text', () => {
    const rows = followUpItemRows([source('a', { title: '   ', actionItems: [item('i1', 'x')] })], 'Uden titel');
    expect(rows[0]?.docTitle).toBe('Uden titel');
  });

  it('orders the rows of all referater together, soonest due first', () => {
    const rows = followUpItemRows(
      [
        source('a', { actionItems: [item('late', 'Sent', '2026-05-01'), item('none', 'Ingen dato')] }),
        source('b', { actionItems: [item('soon', 'Snart', '2026-02-01')] }),
      ],
      '',
    );
    expect(rows.map((r) => r.key)).toEqual(['b/soon', 'a/late', 'a/none']);
  });

  it('has no rows for no referater or referater without items', () => {
    expect(followUpItemRows([], '')).toEqual([]);
    expect(followUpItemRows([source('a', {})], '')).toEqual([]);
  });
});
