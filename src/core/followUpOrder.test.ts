import { describe, expect, it } from 'vitest';
import { byDanish, compareFollowUpRows, type OrderedRow } from './followUpOrder';

const row = (due: string, docDate: string, text: string): OrderedRow => ({ docDate, item: { due, text } });

describe('compareFollowUpRows', () => {
  it('puts items with a due date first, soonest first, and items without one last', () => {
    const rows = [row('', '2026-01-01', 'a'), row('2026-04-01', '2026-01-01', 'b'), row('2026-02-01', '2026-01-01', 'c')];
    expect(rows.toSorted(compareFollowUpRows).map((r) => r.item.text)).toEqual(['c', 'b', 'a']);
  });

  it('breaks a tie by the newest referat, then by the text the Danish way', () => {
    const rows = [row('2026-02-01', '2026-01-01', 'old'), row('2026-02-01', '2026-03-01', 'å'), row('2026-02-01', '2026-03-01', 'z')];
    expect(rows.toSorted(compareFollowUpRows).map((r) => r.item.text)).toEqual(['z', 'å', 'old']);
  });
});

describe('byDanish', () => {
  it('sorts æ, ø and å after z', () => {
    expect(['å', 'ø', 'z', 'æ'].toSorted(byDanish)).toEqual(['z', 'æ', 'ø', 'å']);
  });
});
