// Q1's inputs and floor: the fixed query set, and the linear scan the index is compared with.
import { describe, expect, it } from 'vitest';
import { danishFold } from '../../../src/core/danishFold';
import { linearScanModule, searchQueries } from './benchModules';

const { benchQueries } = await searchQueries();
const { linearScan } = await linearScanModule();

describe('Q1 query set', () => {
  it('is the same on every run, with the requested count and no empty query', () => {
    const a = benchQueries({ count: 400 });
    expect(a).toHaveLength(400);
    expect(benchQueries({ count: 400 })).toEqual(a);
    expect(a.every((q) => q.text.trim().length > 0)).toBe(true);
  });

  it('holds every kind of query, Danish letters and the old "aa" spelling', () => {
    const qs = benchQueries({ count: 300 });
    const kinds = new Set(qs.map((q) => q.kind));
    for (const kind of ['word', 'prefix', 'aa-form', 'two words', 'party', 'person', 'no hit']) expect(kinds).toContain(kind);
    expect(qs.some((q) => /[æøå]/i.test(q.text))).toBe(true);
    expect(qs.some((q) => /aa/i.test(q.text))).toBe(true);
    expect(qs.filter((q) => q.kind === 'two words').every((q) => q.text.includes(' '))).toBe(true);
  });
});

describe('Q1 linear scan floor', () => {
  const scan = linearScan(['Mødet i Aabenraa om budgettet', 'Driftsmøde med KMD A/S', 'Åbenrå: servicevinduet flyttes'], danishFold);

  it('counts the rows holding every query word, Danish-folded on both sides', () => {
    expect(scan.size).toBe(3);
    expect(scan.count('åbenrå')).toBe(2);
    expect(scan.count('AABENRAA')).toBe(2);
    expect(scan.count('møde')).toBe(2);
    expect(scan.count('møde kmd')).toBe(1);
    expect(scan.count('budget')).toBe(1);
  });

  it('finds nothing for a word in no row, and everything for a query without words', () => {
    expect(scan.count('blåbærgrød')).toBe(0);
    expect(scan.count(' / ')).toBe(3);
  });
});
