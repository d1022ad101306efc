import { describe, expect, it } from 'vitest';
import { InfixIndex } from './infixIndex';

const containing = (idx: InfixIndex<number>, part: string) => {
  const out: string[] = [];
  idx.forEachContaining(part, (w, length) => out.push(w.length === length ? w : 'wrong value'));
  return out.toSorted();
};

describe('InfixIndex', () => {
  it('finds the words that hold a part after their first letter, each once', () => {
    const idx = new InfixIndex<number>();
    for (const w of ['certifikatfornyelsen', 'fornyelse', 'driftsmøde', 'mødemødemøde', 'styregruppemødet', 'øde']) idx.add(w, w.length);
    expect(containing(idx, 'fornyelse')).toEqual(['certifikatfornyelsen']);
    expect(containing(idx, 'møde')).toEqual(['driftsmøde', 'mødemødemøde', 'styregruppemødet']);
    expect(containing(idx, 'øde')).toEqual(['driftsmøde', 'mødemødemøde', 'styregruppemødet']);
    expect(containing(idx, 'xyzmøde')).toEqual([]);
    expect(idx.size).toBe(5);
  });

  it('checks every candidate, so trigrams that share a key (letters beyond U+03FF) find nothing extra', () => {
    const idx = new InfixIndex<number>();
    // "\u0441" (Cyrillic s) and "\u0041" ("A") share their low ten bits.
    idx.add('xx\u0441\u0441\u0441', 5);
    idx.add('xxAAA', 5);
    expect(containing(idx, '\u0441\u0441\u0441')).toEqual(['xx\u0441\u0441\u0441']);
    expect(containing(idx, 'AAA')).toEqual(['xxAAA']);
  });

  it('intersects the lists of several trigrams and still finds every word that holds the part', () => {
    const idx = new InfixIndex<number>();
    const words = Array.from({ length: 3000 }, (_, i) => `x${(i * 7919).toString(36)}${['plan', 'planer', 'lan', 'pla'][i % 4]}${i % 3 === 0 ? 'lægning' : 'x'}`);
    for (const w of words) idx.add(w, w.length);
    for (const part of ['plan', 'lægning', 'planlæg', 'anlæ', 'zzz']) {
      expect(containing(idx, part), part).toEqual(words.filter((w) => w.indexOf(part, 1) !== -1).toSorted());
    }
  });

  it('refuses a part shorter than a trigram', () => {
    expect(() => new InfixIndex<number>().forEachContaining('ab', () => {})).toThrow(/at least 3/);
  });
});
