import { describe, expect, it } from 'vitest';
import type { SearchableEntry } from './searchFields';
import { SearchIndex } from './searchIndex';
import { searchSnippet } from './searchSnippet';
import { parseSearchQuery } from './searchQuery';

let n = 0;
function row(p: Partial<SearchableEntry> & { id?: string }): SearchableEntry {
  n++;
  return {
    id: p.id ?? `r${n}`,
    title: '',
    date: '2026-01-01',
    startTime: '',
    createdAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
    status: 'draft',
    parties: [],
    participantNames: [],
    text: '',
    agendaTitles: [],
    decisions: [],
    actionItems: [],
    ...p,
  };
}

const ids = (idx: SearchIndex<SearchableEntry>, q: string, f = {}) => idx.search(q, f).hits.map((h) => h.id);

describe('SearchIndex', () => {
  it('ranks a title match above a body match, even when the body match is newer', () => {
    const idx = new SearchIndex([
      row({ id: 'body', date: '2026-05-01', text: 'Vi talte om budgettet for næste år.' }),
      row({ id: 'title', date: '2024-02-01', title: 'Budgetmøde' }),
      row({ id: 'decision', date: '2025-02-01', decisions: ['Budgettet godkendes'] }),
      row({ id: 'person', date: '2026-06-01', parties: ['Budget A/S'] }),
    ]);
    const r = idx.search('budget');
    expect(r.hits.map((h) => h.id)).toEqual(['title', 'decision', 'person', 'body']);
    expect(r.hits.map((h) => h.fields)).toEqual([['title'], ['decisions'], ['participants'], ['body']]);
    expect(r.total).toBe(4);
  });

  it('orders equal scores newest meeting first, undated last', () => {
    const idx = new SearchIndex([
      row({ id: 'old', date: '2024-01-01', title: 'Driftsmøde' }),
      row({ id: 'none', date: '', title: 'Driftsmøde' }),
      row({ id: 'new', date: '2026-03-01', title: 'Driftsmøde' }),
      row({ id: 'newLater', date: '2026-03-01', startTime: '14:00', title: 'Driftsmøde' }),
    ]);
    expect(ids(idx, 'driftsmøde')).toEqual(['newLater', 'new', 'old', 'none']);
  });

  it('matches every word as a prefix, case-insensitively, and needs all words', () => {
    const idx = new SearchIndex([
      row({ id: 'a', title: 'Driftsmøde med Systemhuset A/S', participantNames: ['Mette Holm'] }),
      row({ id: 'b', title: 'Styregruppemøde', text: 'Systemhuset deltog ikke.' }),
    ]);
    expect(ids(idx, 'SYST')).toEqual(['a', 'b']);
    expect(ids(idx, 'syst drift')).toEqual(['a']);
    expect(ids(idx, 'syst mette')).toEqual(['a']);
    expect(ids(idx, 'systemhusets')).toEqual([]);
    // Inside a word only from four letters on (compound search, below): "hus" is not looked for inside "systemhuset",
    // "huset" is (ranked below a match at the start of a word).
    expect(ids(idx, 'hus')).toEqual([]);
    expect(ids(idx, 'husET')).toEqual(['a', 'b']);
  });

  it('finds a word inside Danish compounds: "fornyelse" finds "certifikatfornyelsen", "certifikat" still does', () => {
    const idx = new SearchIndex([
      row({ id: 'compound', text: 'Certifikatfornyelsen er sat til marts.' }),
      row({ id: 'joint', text: 'Certifikatsfornyelsen (med fuge-s) og styregruppemødet.' }),
      row({ id: 'other', text: 'Certifikatet udløber.' }),
    ]);
    expect(ids(idx, 'fornyelse').toSorted()).toEqual(['compound', 'joint']);
    expect(ids(idx, 'FORNYELSEN').toSorted()).toEqual(['compound', 'joint']);
    expect(ids(idx, 'certifikat').toSorted()).toEqual(['compound', 'joint', 'other']);
    expect(ids(idx, 'certifikat fornyelse').toSorted()).toEqual(['compound', 'joint']);
    expect(ids(idx, 'mødet')).toEqual(['joint']);
    // Typed halfway: a part of the second word is found too.
    expect(ids(idx, 'fornye').toSorted()).toEqual(['compound', 'joint']);
    expect(ids(idx, 'fornyelser')).toEqual([]);
  });

  it('ranks a whole word or prefix above a match inside a compound, even in a better field or a newer meeting', () => {
    const idx = new SearchIndex([
      row({ id: 'compoundTitle', date: '2026-06-01', title: 'Certifikatfornyelse' }),
      row({ id: 'compoundBody', date: '2026-05-01', text: 'Vi talte om certifikatfornyelsen.' }),
      row({ id: 'wordBody', date: '2024-01-01', text: 'Fornyelse af aftalen.' }),
      row({ id: 'prefixBody', date: '2024-02-01', text: 'Fornyelsesretten gælder.' }),
      row({ id: 'wordDecision', date: '2023-01-01', decisions: ['Fornyelsen godkendes'] }),
    ]);
    const r = idx.search('fornyelse');
    expect(r.hits.map((h) => h.id)).toEqual(['wordDecision', 'prefixBody', 'wordBody', 'compoundTitle', 'compoundBody']);
    expect(r.hits.map((h) => h.score)).toEqual([4, 1, 1, 0.5, 1 / 16]);
    expect(r.hits.map((h) => h.fields)).toEqual([['decisions'], ['body'], ['body'], ['title'], ['body']]);
  });

  it('keeps short words from matching inside everything: under four letters only at the start of a word', () => {
    const text = 'Opgraderingen, sikkerhedsopdateringerne og databehandleraftalen er på plads, jf. servicevinduet.';
    const idx = new SearchIndex([row({ id: 'a', text }), row({ id: 'b', title: 'Ordning' })]);
    for (const short of ['er', 'ing', 'en', 'da', 'pla', 'vin', 'ord']) {
      expect(ids(idx, short), short).toEqual(text.toLowerCase().split(/\W+/u).some((w) => w.startsWith(short)) ? ['a'] : short === 'ord' ? ['b'] : []);
    }
    expect(ids(idx, 'ning')).toEqual(['b']);
    expect(ids(idx, 'ring')).toEqual(['a']);
    expect(ids(idx, 'vindue')).toEqual(['a']);
  });

  it('finds the second word of a compound whose "a" + "a" folded to "å" ("dataansvar" is stored as "datånsvar")', () => {
    const idx = new SearchIndex([row({ id: 'a', text: 'Dataansvaret ligger hos kommunen.' }), row({ id: 'b', text: 'Ansvaret er delt.' })]);
    expect(ids(idx, 'ansvaret')).toEqual(['b', 'a']);
    const s = idx.search('ansvaret').hits[1]?.snippet;
    expect(s?.ranges.map((r) => s.text.slice(r.start, r.end))).toEqual(['ansvaret']);
  });

  it('finds compounds of terms added after the first search and after compaction', () => {
    const idx = new SearchIndex([row({ id: 'a', text: 'Driftsmøde' })]);
    expect(ids(idx, 'møde')).toEqual(['a']);
    idx.put(row({ id: 'b', text: 'Styregruppemødet' }));
    expect(ids(idx, 'møde').toSorted()).toEqual(['a', 'b']);
    const words = Array.from({ length: 400 }, (_, i) => `ord${i}`).join(' ');
    for (let round = 0; round < 300; round++) idx.put(row({ id: 'typing', text: `${words} runde${round} releaseplan${round}` }));
    expect(ids(idx, 'plan299')).toEqual(['typing']);
    expect(ids(idx, 'plan298')).toEqual([]);
    expect(ids(idx, 'møde').toSorted()).toEqual(['a', 'b']);
  });

  it('finds "aa" spellings with "å" and back', () => {
    const idx = new SearchIndex([
      row({ id: 'old', text: 'Mødet blev holdt i Aabenraa.' }),
      row({ id: 'new', title: 'Møde i Åbenrå' }),
      row({ id: 'other', title: 'Møde i Aarhus' }),
    ]);
    expect(ids(idx, 'åbenrå').toSorted()).toEqual(['new', 'old']);
    expect(ids(idx, 'Aabenraa').toSorted()).toEqual(['new', 'old']);
    expect(ids(idx, 'aaben').toSorted()).toEqual(['new', 'old']);
    expect(ids(idx, 'Aabenra').toSorted()).toEqual(['new', 'old']);
    expect(ids(idx, 'å').toSorted()).toEqual(['new', 'old', 'other']);
    expect(ids(idx, 'århus')).toEqual(['other']);
  });

  it('searches agenda titles, action item texts and owners, and participants', () => {
    const idx = new SearchIndex([
      row({
        id: 'x',
        agendaTitles: ['Hændelser og fejl'],
        actionItems: [{ id: 'i', text: 'Send tilbud', owner: 'Jens Sørensen', ownerOrganisation: 'Netcompany', due: '', done: false, originDoc: '', originItem: '', agendaItemId: null }],
        participantNames: ['Birgitte Kjær'],
      }),
    ]);
    expect(idx.search('hændelser').hits[0]?.fields).toEqual(['agendaTitles']);
    expect(idx.search('tilbud').hits[0]?.fields).toEqual(['actionItems']);
    expect(idx.search('sørensen').hits[0]?.fields).toEqual(['actionItems']);
    expect(idx.search('kjær').hits[0]?.fields).toEqual(['participants']);
    expect(ids(idx, 'netcompany')).toEqual([]);
  });

  it('filters by party, period, status and excluded ids', () => {
    const idx = new SearchIndex([
      row({ id: 'a', title: 'Møde', date: '2025-03-01', parties: ['Aarhus Kommune', 'Systemhuset A/S'], status: 'approved' }),
      row({ id: 'b', title: 'Møde', date: '2026-03-01', parties: ['Aarhus Kommune'], status: 'draft' }),
      row({ id: 'c', title: 'Møde', date: '', parties: ['Systemhuset A/S'], status: 'proposed' }),
    ]);
    expect(ids(idx, 'møde', { party: 'Systemhuset A/S' })).toEqual(['a', 'c']);
    expect(ids(idx, 'møde', { party: 'Systemhuset' })).toEqual([]);
    expect(ids(idx, 'møde', { from: '2025-01-01', to: '2025-12-31' })).toEqual(['a']);
    expect(ids(idx, 'møde', { from: '2026-03-01' })).toEqual(['b']);
    expect(ids(idx, 'møde', { to: '2026-03-01' })).toEqual(['b', 'a']);
    expect(ids(idx, 'møde', { status: 'proposed' })).toEqual(['c']);
    expect(ids(idx, 'møde', { excludeIds: new Set(['b']) })).toEqual(['a', 'c']);
    // No words: every row that passes the filters, newest first.
    expect(ids(idx, '', { party: 'Aarhus Kommune' })).toEqual(['b', 'a']);
    expect(idx.search('', {}).hits.every((h) => h.snippet === null && h.score === 0)).toBe(true);
  });

  it('takes a replaced row into account at once: the old text no longer matches, the new one does', () => {
    const idx = new SearchIndex([row({ id: 'a', title: 'Driftsmøde' }), row({ id: 'b', title: 'Styregruppe' })]);
    expect(ids(idx, 'drift')).toEqual(['a']);
    idx.put(row({ id: 'a', title: 'Statusmøde', text: 'Ny tekst om licenser' }));
    expect(ids(idx, 'drift')).toEqual([]);
    expect(ids(idx, 'licens')).toEqual(['a']);
    expect(ids(idx, 'status')).toEqual(['a']);
    expect(idx.size).toBe(2);
    expect(idx.get('a')?.title).toBe('Statusmøde');
    expect(idx.remove('a')).toBe(true);
    expect(idx.remove('a')).toBe(false);
    expect(ids(idx, 'status')).toEqual([]);
    expect(idx.size).toBe(1);
  });

  it('stays correct through many replacements (compaction of stale postings)', () => {
    const idx = new SearchIndex<SearchableEntry>();
    const words = Array.from({ length: 400 }, (_, i) => `ord${i}`).join(' ');
    for (let i = 0; i < 50; i++) idx.put(row({ id: `fixed${i}`, title: `Fast ${i}`, text: words }));
    for (let round = 0; round < 300; round++) idx.put(row({ id: 'typing', title: `Udkast ${round}`, text: `${words} runde${round}` }));
    expect(ids(idx, 'runde299')).toEqual(['typing']);
    expect(ids(idx, 'runde298')).toEqual([]);
    expect(idx.search('ord399').total).toBe(51);
    expect(ids(idx, 'fast 7')).toEqual(['fixed7']);
    expect(idx.size).toBe(51);
  });

  it('returns a snippet of the best field with highlight ranges on the matched part of each word', () => {
    const body = `${'Indledning. '.repeat(30)}Leverandøren oplyste, at driftsaftalen med Aabenraa Kommune løber til 2027. ${'Afslutning. '.repeat(30)}`;
    const idx = new SearchIndex([row({ id: 'a', title: 'Statusmøde', text: body, participantNames: ['Drifte Person'] })]);
    const hit = idx.search('drifts åbenrå').hits[0];
    expect(hit?.fields).toEqual(['body']);
    const s = hit?.snippet;
    if (!s) throw new Error('no snippet');
    expect(s.field).toBe('body');
    expect(s.text.length).toBeLessThanOrEqual(162);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.ranges.map((r) => s.text.slice(r.start, r.end))).toEqual(['drifts', 'Aabenraa']);
  });

  it('marks the part of a compound that matched, and both parts when two query words meet in one word', () => {
    const idx = new SearchIndex([row({ title: 'Certifikatfornyelsen, Aabenraa', text: 'x' })]);
    const mark = (q: string) => {
      const s = idx.search(q).hits[0]?.snippet;
      return s?.ranges.map((r) => s.text.slice(r.start, r.end));
    };
    expect(mark('fornyelse')).toEqual(['fornyelse']);
    expect(mark('certifikat')).toEqual(['Certifikat']);
    expect(mark('certifikat fornyelsen')).toEqual(['Certifikatfornyelsen']);
    expect(mark('benrå')).toEqual(['benraa']);
  });

  it('highlights the title when the title is the best field', () => {
    const idx = new SearchIndex([row({ title: 'Møde med Systemhuset A/S', text: 'systemhuset' })]);
    const s = idx.search('system').hits[0]?.snippet;
    expect(s?.field).toBe('title');
    expect(s?.text).toBe('Møde med Systemhuset A/S');
    expect(s?.ranges).toEqual([{ start: 9, end: 15 }]);
  });
});

describe('searchSnippet', () => {
  it('keeps short text whole, marks every match, and maps folded prefixes back to the original letters', () => {
    const s = searchSnippet(['Kaare mødte Åse i Aabenraa'], parseSearchQuery('kå aab'));
    expect(s?.text).toBe('Kaare mødte Åse i Aabenraa');
    expect(s?.ranges.map((r) => s.text.slice(r.start, r.end))).toEqual(['Kaa', 'Aab']);
  });

  it('turns line breaks into spaces without moving the ranges', () => {
    const s = searchSnippet(['Første linje\nAnden linje'], parseSearchQuery('anden'));
    expect(s?.text).toBe('Første linje Anden linje');
    expect(s?.ranges).toEqual([{ start: 13, end: 18 }]);
  });

  it('returns null when nothing matches', () => {
    expect(searchSnippet(['intet her'], parseSearchQuery('noget'))).toBeNull();
  });
});
