import { describe, expect, it } from 'vitest';
import { changedWords, words } from './changedWords';

describe('changed words', () => {
  it('splits on spaces and punctuation, keeping numbers and Danish letters', () => {
    expect(words('Budgettet for 2027 godkendes – af Økonomiudvalget.')).toEqual(['Budgettet', 'for', '2027', 'godkendes', 'af', 'Økonomiudvalget']);
  });

  it('counts words added, removed and replaced as a reader does', () => {
    expect(changedWords('', 'Et to tre')).toBe(3);
    expect(changedWords('Et to tre', '')).toBe(3);
    expect(changedWords('Mødet holdes tirsdag i Aarhus', 'Mødet holdes onsdag i Aarhus')).toBe(1);
    expect(changedWords('a b c d e f', 'a x y b c e f')).toBe(3);
    expect(changedWords('Uændret tekst', 'Uændret tekst')).toBe(0);
  });

  it('counts a very long rewritten paragraph without aligning it word by word', () => {
    const before = Array.from({ length: 1000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 1200 }, (_, i) => `b${i}`).join(' ');
    expect(changedWords(before, after)).toBe(1200);
  });
});
