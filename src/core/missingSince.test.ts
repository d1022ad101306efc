import { describe, expect, it } from 'vitest';
import { covers, missingSince } from './missingSince';

const sv = (entries: Array<[number, number]>) => new Map(entries);

describe('missing since', () => {
  it('is the first known state their copy does not cover', () => {
    const states = [
      { at: 100, sv: sv([[1, 5]]) },
      { at: 200, sv: sv([[1, 9]]) },
      { at: 300, sv: sv([[1, 9], [2, 3]]) },
    ];
    expect(missingSince(states, sv([[1, 5]]))).toBe(200);
    expect(missingSince(states, sv([[1, 9]]))).toBe(300);
    expect(missingSince(states, sv([[1, 9], [2, 3]]))).toBeNull();
    expect(missingSince(states.toReversed(), sv([]))).toBe(100);
  });

  it('covers compares every client', () => {
    expect(covers(sv([[1, 4], [2, 1]]), sv([[1, 4]]))).toBe(true);
    expect(covers(sv([[1, 4]]), sv([[1, 4], [2, 1]]))).toBe(false);
  });
});
