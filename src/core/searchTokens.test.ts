import { describe, expect, it } from 'vitest';
import { infixMatch, parseSearchQuery, prefixMatchLength } from './searchQuery';
import { searchTerms, searchTokens } from './searchTokens';

describe('searchTokens', () => {
  it('splits on everything that is not a letter, digit or combining mark, and folds each word', () => {
    const text = 'Driftsmøde med Systemhuset A/S i Aabenraa, 12.03.';
    const tokens = searchTokens(text);
    expect(tokens.map((t) => t.term)).toEqual(['driftsmøde', 'med', 'systemhuset', 'a', 's', 'i', 'åbenrå', '12', '03']);
    for (const t of tokens) expect(danishLike(text.slice(t.start, t.end))).toBe(true);
    expect(text.slice(tokens[6]?.start, tokens[6]?.end)).toBe('Aabenraa');
  });

  it('keeps combining marks inside the word', () => {
    expect(searchTokens('Åbenra\u030a by').map((t) => t.term)).toEqual(['åbenrå', 'by']);
  });

  it('has a position-free variant that folds the whole text first and finds the same terms', () => {
    expect(searchTerms('Kaare og Åse')).toEqual(['kåre', 'og', 'åse']);
    const samples = [
      'Driftsmøde – “Aabenraa” é\u0301 x \u0301y naïve ÅRHUS ﬁle İstanbul Σίσυφος 1½ a\u030a o\u0338 =\u0338 𝒜bc 😀x',
      'Mødet i Aarhus, d. 3/4: Café-besøg; aaa AAa Aa-aa',
    ];
    for (const s of samples) expect(searchTerms(s)).toEqual(searchTokens(s).map((t) => t.term));
  });
});

describe('parseSearchQuery', () => {
  it('gives distinct folded words, and lets a trailing "a" be the first half of "aa"', () => {
    const q = parseSearchQuery('Aabenra  aabenra drift');
    expect(q.map((t) => t.term)).toEqual(['åbenra', 'drift']);
    const [town, drift] = q;
    if (!town || !drift) throw new Error('expected two words');
    expect(town.prefixes).toEqual(['åbenra', 'åbenrå']);
    expect(prefixMatchLength('åbenrå', town)).toBe(6);
    expect(prefixMatchLength('driftsmøde', drift)).toBe(5);
    expect(prefixMatchLength('drif', drift)).toBe(0);
  });

  it('looks for words of four letters or more inside words too, with "å" for a leading "a" ("dataansvar" is "datånsvar")', () => {
    const [short, word, ending, both] = parseSearchQuery('plá Fornyelse data ansvara');
    expect(short?.infixes).toEqual([]);
    expect(word?.infixes).toEqual(['fornyelse']);
    expect(ending?.infixes).toEqual(['data', 'datå']);
    expect(both?.infixes).toEqual(['ansvara', 'ansvarå', 'ånsvara', 'ånsvarå']);
    if (!word || !both) throw new Error('expected four words');
    expect(infixMatch('certifikatfornyelsen', word)).toEqual({ at: 10, form: 'fornyelse' });
    expect(infixMatch('fornyelsen', word)).toBeNull();
    expect(infixMatch('datånsvarå', both)).toEqual({ at: 3, form: 'ånsvarå' });
  });

  it('ignores punctuation only', () => {
    expect(parseSearchQuery(' ,.- ')).toEqual([]);
  });
});

function danishLike(s: string): boolean {
  return /^[\p{L}\p{N}]+$/u.test(s);
}
