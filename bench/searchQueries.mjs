// Q1's query set: a fixed, seeded list of what people type into the search field of a library of minutes.
import { createPrng } from './prng.mjs';

/** @typedef {'word' | 'prefix' | 'compound' | 'aa-form' | 'two words' | 'party' | 'person' | 'no hit'} QueryKind */
/** @typedef {{ text: string, kind: QueryKind }} BenchQuery */

/** Whole words of minutes, many with æ, ø or å. */
const WORDS = [
  'servicevinduet', 'migreringen', 'databehandleraftalen', 'budgettet', 'leverandøren', 'kommunen', 'styregruppen',
  'fejlrettelsen', 'præproduktion', 'sikkerhedsopdateringerne', 'aktindsigtsanmodningen', 'tidsplanen', 'løsningen',
  'økonomisystemet', 'borgerportalen', 'lønsystemet', 'jobcentersystemet', 'svartiderne', 'næste', 'møde', 'årsskiftet',
  'påske', 'godkendt', 'forsinket', 'udskudt', 'beslutninger', 'opfølgning', 'hændelser', 'ændringsanmodning', 'kvalitet',
];
/** Words as typed while the search runs: the start of a word (prefix search). */
const PREFIXES = ['serv', 'migr', 'dat', 'budg', 'leve', 'kom', 'sty', 'fejl', 'sikk', 'akt', 'tids', 'løs', 'øko', 'bor', 'ænd', 'hæn', 'præ', 'gen', 'sag', 'rel'];
/**
 * The second half of compound words, found only inside them (compound search): "vinduet" in "servicevinduet",
 * "ansvar" in "dataansvar" (stored as "datånsvar"), and short broad ones ("plan", "møde") that sit inside thousands.
 */
const COMPOUNDS = [
  'vinduet', 'arkivet', 'opdateringerne', 'anmodningen', 'platformen', 'systemet', 'portalen', 'miljøet', 'vurderingen',
  'specifikationen', 'grænsefladen', 'styringen', 'gruppe', 'strategi', 'beskrivelse', 'analyse', 'oversigt', 'ansvar',
  'plan', 'møde',
];
/** Place names in the old "aa" spelling and the new "å" one, and "aa" cut in half while typing. */
const AA_FORMS = ['Aabenraa', 'Åbenrå', 'Aarhus', 'Århus', 'aalborg', 'Ålborg', 'Faaborg', 'Fåborg', 'Graasten', 'Gråsten', 'Aabenra', 'Haarby', 'Aagaard', 'Åse', 'Kaare'];
/** Parties: organisations as written in the participant lists. */
const PARTIES = ['KMD A/S', 'Systemhuset', 'Netcompany', 'Aarhus Kommune', 'Aabenraa Kommune', 'Københavns Kommune', 'Høje-Taastrup', 'Ærø Kommune', 'Brøndum Data', 'Østjysk IT', 'Digitaliseringsstyrelsen', 'KL'];
/** People by first and last name. */
const PEOPLE = ['Mette Holm', 'Søren', 'Jørgensen', 'Bjørn Kjær', 'Ærling', 'Østergaard', 'Birgitte Sørensen', 'Kaae'];
/** Words that occur in no generated referat: the search must still look everywhere. */
const NO_HIT = ['zyxwv', 'blåbærgrød', 'kvantecomputer', 'quux bar', 'æøåæøå'];

/**
 * `count` queries, the same on every run for the same seed: every fixed query once, then random mixes of them
 * (two words, a word with a party, a prefix with a place, a compound's half with a word) until the count is reached.
 * @param {{ count?: number, seed?: number }} [options]
 * @returns {BenchQuery[]}
 */
export function benchQueries(options = {}) {
  const count = options.count ?? 400;
  const rnd = createPrng(options.seed ?? 5);
  /** @type {BenchQuery[]} */
  const out = [
    ...WORDS.map((text) => ({ text, kind: /** @type {QueryKind} */ ('word') })),
    ...PREFIXES.map((text) => ({ text, kind: /** @type {QueryKind} */ ('prefix') })),
    ...AA_FORMS.map((text) => ({ text, kind: /** @type {QueryKind} */ ('aa-form') })),
    ...PARTIES.map((text) => ({ text, kind: /** @type {QueryKind} */ ('party') })),
    ...PEOPLE.map((text) => ({ text, kind: /** @type {QueryKind} */ ('person') })),
    ...NO_HIT.map((text) => ({ text, kind: /** @type {QueryKind} */ ('no hit') })),
    // Last of the fixed ones, so a quick run's 100 queries still hold every other kind.
    ...COMPOUNDS.map((text) => ({ text, kind: /** @type {QueryKind} */ ('compound') })),
  ];
  while (out.length < count) {
    const r = rnd.next();
    const text =
      r < 0.4 ? `${rnd.pick(WORDS)} ${rnd.pick(WORDS)}`
      : r < 0.6 ? `${rnd.pick(WORDS)} ${rnd.pick(PARTIES)}`
      : r < 0.75 ? `${rnd.pick(PREFIXES)} ${rnd.pick(AA_FORMS)}`
      : r < 0.85 ? `${rnd.pick(COMPOUNDS)} ${rnd.pick(WORDS)}`
      : `${rnd.pick(PEOPLE)} ${rnd.pick(PREFIXES)}`;
    out.push({ text, kind: 'two words' });
  }
  return out.slice(0, count);
}
