import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_FILTERS, followUpFilterChoices, followUpRowShown, isOverdue, type FollowUpFilters } from './followUpFilters';
import type { FollowUpItemRow } from './followUpRows';

const dates = { today: '2026-03-10', weekEnd: '2026-03-17' };

function row(key: string, patch: { owner?: string; ownerOrganisation?: string; due?: string; done?: boolean; seriesId?: string; seriesName?: string; docTitle?: string } = {}): FollowUpItemRow {
  return {
    key,
    docId: key,
    docTitle: patch.docTitle ?? 'Møde',
    docDate: '2026-03-01',
    seriesId: patch.seriesId ?? '',
    seriesName: patch.seriesName ?? '',
    indexedAt: 1,
    item: {
      id: key,
      text: key,
      owner: patch.owner ?? '',
      ownerOrganisation: patch.ownerOrganisation ?? '',
      due: patch.due ?? '',
      done: patch.done ?? false,
      originDoc: '',
      originItem: '',
      agendaItemId: null,
    },
  };
}

const shown = (r: FollowUpItemRow, f: Partial<FollowUpFilters>, touched = false) =>
  followUpRowShown(r, { ...DEFAULT_FOLLOW_UP_FILTERS, ...f }, { done: r.item.done, touched }, dates);

describe('followUpRowShown', () => {
  it('shows open items by default and hides done ones', () => {
    expect(shown(row('a'), {})).toBe(true);
    expect(shown(row('a', { done: true }), {})).toBe(false);
    expect(shown(row('a', { done: true }), { status: 'done' })).toBe(true);
    expect(shown(row('a'), { status: 'done' })).toBe(false);
    expect(shown(row('a', { done: true }), { status: 'all' })).toBe(true);
  });

  it('keeps an item ticked on the page whatever its status', () => {
    expect(shown(row('a', { done: true }), {}, true)).toBe(true);
  });

  it('filters by owner and organisation, ignoring surrounding spaces, and by series', () => {
    const r = row('a', { owner: ' Jens Bach ', ownerOrganisation: 'Systemhuset A/S ', seriesId: 's1' });
    expect(shown(r, { owner: 'Jens Bach' })).toBe(true);
    expect(shown(r, { owner: 'Mette Holm' })).toBe(false);
    expect(shown(r, { organisation: 'Systemhuset A/S' })).toBe(true);
    expect(shown(r, { organisation: 'Aarhus Kommune' })).toBe(false);
    expect(shown(r, { series: 's1' })).toBe(true);
    expect(shown(r, { series: 's2' })).toBe(false);
  });

  it('filters by due date: overdue, within seven days, or none', () => {
    const overdue = row('o', { due: '2026-03-09' });
    const today = row('t', { due: '2026-03-10' });
    const weekEnd = row('w', { due: '2026-03-17' });
    const later = row('l', { due: '2026-03-18' });
    const none = row('n');
    const pick = (due: FollowUpFilters['due']) => [overdue, today, weekEnd, later, none].filter((r) => shown(r, { due })).map((r) => r.key);
    expect(pick('all')).toEqual(['o', 't', 'w', 'l', 'n']);
    expect(pick('overdue')).toEqual(['o']);
    expect(pick('week')).toEqual(['t', 'w']);
    expect(pick('none')).toEqual(['n']);
  });
});

describe('isOverdue', () => {
  it('is an item not done whose due date has passed', () => {
    expect(isOverdue(row('a', { due: '2026-03-09' }), false, dates)).toBe(true);
    expect(isOverdue(row('a', { due: '2026-03-09' }), true, dates)).toBe(false);
    expect(isOverdue(row('a', { due: '2026-03-10' }), false, dates)).toBe(false);
    expect(isOverdue(row('a'), false, dates)).toBe(false);
  });
});

describe('followUpFilterChoices', () => {
  it('offers each owner, organisation and series once, sorted the Danish way', () => {
    const choices = followUpFilterChoices([
      row('1', { owner: 'Åse', ownerOrganisation: 'Aarhus Kommune', seriesId: 's1', seriesName: 'Styregruppen' }),
      row('2', { owner: ' Bo ', ownerOrganisation: '', seriesId: 's2', seriesName: ' ', docTitle: 'Driftsmøde' }),
      row('3', { owner: 'Bo', ownerOrganisation: 'Aarhus Kommune', seriesId: 's1', seriesName: 'Styregruppen' }),
      row('4'),
    ]);
    expect(choices.owners).toEqual(['Bo', 'Åse']);
    expect(choices.organisations).toEqual(['Aarhus Kommune']);
    expect(choices.series).toEqual([['s2', 'Driftsmøde'], ['s1', 'Styregruppen']]);
  });
});
