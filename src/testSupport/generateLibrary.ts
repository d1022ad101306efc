// Generates N realistic Danish library index rows (IndexedReferat) from a seed, for search tests and benchmarks.
//
// Each row looks like a referat of a meeting between a municipality and an IT vendor: a title such as
// "Driftsmøde med Systemhuset A/S", 2–7 participants with Danish names and their organisations, an agenda from
// the templates, decisions, action items with owners and due dates, and 1–4 KB of body text. Dates are spread
// over 2024–2026. Some place names are spelled the old way with "aa" (Aabenraa), some with "å" (Åbenrå).
// The same (count, seed) always gives the same rows.
import type { ActionItemInfo } from '../core/structure';
import type { ReferatStatus } from '../core/meta';
import type { IndexedReferat } from '../storage/libraryDatabase';
import { seededRandom } from './seededRandom';

const MUNICIPALITIES = [
  'Aarhus Kommune', 'Aabenraa Kommune', 'Aalborg Kommune', 'Faaborg-Midtfyn Kommune', 'Odense Kommune', 'Københavns Kommune',
  'Vejle Kommune', 'Haderslev Kommune', 'Sønderborg Kommune', 'Helsingør Kommune', 'Frederiksberg Kommune', 'Næstved Kommune',
  'Høje-Taastrup Kommune', 'Ærø Kommune', 'Tønder Kommune', 'Gentofte Kommune',
];
const VENDORS = [
  'Systemhuset A/S', 'KMD A/S', 'Netcompany A/S', 'Fujitsu A/S', 'EG A/S', 'Visma Danmark A/S', 'Atea A/S', 'Brøndum Data ApS',
  'Østjysk IT ApS', 'Aaby Software ApS', 'Nordlys Systemer A/S', 'Kommunedata Øst ApS',
];
const OTHERS = ['KL', 'Digitaliseringsstyrelsen', 'Region Syddanmark', 'Rigsrevisionen'];
const FIRST = [
  'Mette', 'Jens', 'Anne', 'Søren', 'Birgitte', 'Lars', 'Kirsten', 'Niels', 'Hanne', 'Peter', 'Kaare', 'Aase', 'Bjørn', 'Mads',
  'Louise', 'Rasmus', 'Signe', 'Jørgen', 'Henrik', 'Maja', 'Åse', 'Ulla', 'Camilla', 'Frederik', 'Ida', 'Thomas', 'Lene', 'Ærling',
];
const LAST = [
  'Holm', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Kjær', 'Aagaard', 'Møller', 'Østergaard', 'Damgaard', 'Brøndum',
  'Friis', 'Dahl', 'Bach', 'Lund', 'Søndergaard', 'Kaae',
];
const MEETINGS = [
  'Driftsmøde', 'Styregruppemøde', 'Statusmøde', 'Koordineringsmøde', 'Releasemøde', 'Opstartsmøde', 'Leverandørmøde',
  'Projektmøde', 'Kontraktopfølgning', 'Følgegruppemøde',
];
const SYSTEMS = [
  'jobcentersystemet', 'ESDH-løsningen', 'økonomisystemet', 'sagsbehandlingssystemet', 'borgerportalen', 'lønsystemet',
  'ydelsessystemet', 'integrationsplatformen', 'dokumentarkivet', 'booking af mødelokaler',
];
const PLACES_AA = ['Aabenraa', 'Aarhus', 'Aalborg', 'Faaborg', 'Haarby', 'Aarup', 'Aakirkeby', 'Graasten', 'Kolding', 'Vejle'];
const PLACES_Å = ['Åbenrå', 'Århus', 'Ålborg', 'Fåborg', 'Hårby', 'Årup', 'Åkirkeby', 'Gråsten'];
const AGENDAS = [
  ['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Status', 'Beslutninger', 'Næste møde', 'Eventuelt'],
  ['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Drift og stabilitet siden sidste møde', 'Hændelser og fejl', 'Ændringer og kommende releases', 'Beslutninger', 'Næste møde', 'Eventuelt'],
  ['Godkendelse af dagsorden og referat fra sidste møde', 'Opfølgning fra sidste møde', 'Projektets status: tid, økonomi og kvalitet', 'Risici og issues', 'Beslutninger', 'Kommunikation', 'Næste møde', 'Eventuelt'],
];
const EXTRA_AGENDA = ['Informationssikkerhed', 'Databeskyttelse og GDPR', 'Budget og licenser', 'Uddannelse af superbrugere', 'Migrering af data', 'Test og godkendelse', 'Servicevinduer'];
const SUBJECTS = [
  'Kommunen', 'Leverandøren', 'Projektlederen', 'Styregruppen', 'Driftsansvarlig', 'Databeskyttelsesrådgiveren', 'Økonomiafdelingen',
  'IT-chefen', 'Borgerservice', 'Juridisk afdeling', 'Jobcentret', 'Superbrugerne',
];
const SAYS = ['oplyste, at', 'bemærkede, at', 'redegjorde for, at', 'foreslog, at', 'understregede, at', 'bekræftede, at', 'orienterede om, at', 'var bekymret for, at'];
const NOUNS = [
  'servicevinduet', 'migreringen', 'sagsarkivet', 'databehandleraftalen', 'fejlrettelsen', 'præproduktion', 'budgettet', 'licenserne',
  'logfilerne', 'svartiderne', 'opgraderingen', 'integrationen', 'hændelserne', 'uddannelsen', 'kontrakten', 'backup', 'databasen',
  'sikkerhedsopdateringerne', 'aktindsigtsanmodningen', 'fristen', 'brugerne', 'udskrivningen', 'brevene', 'leverancen', 'versionen',
  'testmiljøet', 'risikovurderingen', 'løsningen', 'kravspecifikationen', 'tidsplanen', 'fakturaen', 'supportaftalen', 'svartiden',
  'nedetiden', 'releasen', 'rettelsen', 'brugergrænsefladen', 'adgangsstyringen', 'certifikatet', 'overvågningen', 'dokumentationen',
  'kvalitetssikringen', 'snitfladen', 'rapporteringen', 'ændringsanmodningen', 'prioriteringen', 'arkitekturen', 'forankringen',
];
const VERBS = [
  'er forsinket', 'er testet', 'skal opdateres', 'holder', 'mangler', 'er forbedret', 'har kørt stabilt', 'er registreret',
  'afsluttes', 'genforhandles', 'verificeres', 'installeres', 'besvares', 'oplever fejl', 'er udskudt', 'er godkendt',
  'skal afklares', 'skal beskrives', 'prioriteres', 'følges op', 'eskaleres', 'leveres', 'overvåges', 'dokumenteres',
];
const TAILS = [
  'inden årsskiftet', 'i næste servicevindue', 'efter påske', 'i løbet af foråret', 'efter sommerferien', 'hver uge', 'med to uger',
  'uden bemærkninger', 'inden for fristen', 'i samarbejde med leverandøren', 'jf. kontraktens bilag 3', 'som aftalt på sidste møde',
  'i produktion', 'for alle brugere', 'på jobcentret', 'i borgerservice', '',
];
const ACTIONS = [
  'Sende opdateret tidsplan', 'Udarbejde notat om', 'Afklare ansvar for', 'Indkalde til workshop om', 'Opdatere dokumentationen for',
  'Sende tilbud på', 'Undersøge årsagen til fejl i', 'Følge op på', 'Beskrive krav til', 'Teste rettelsen af', 'Bestille adgang til',
  'Orientere styregruppen om',
];
// Common words of minutes, and stems that Danish glues together into new compound words.
const FILLER = (
  'og at det er som på til med for af den de ikke der var han et men om har sig skal kan vil blev efter også ' +
  'når over nu kun hvis under uden mod mellem igen allerede stadig derfor desuden dog fordi måske nok samt ' +
  'fortsat løbende hurtigst muligt snarest endnu tidligere senere primært særligt generelt konkret formelt ' +
  'aftale ansvar arbejde behov beslutning betaling borger bruger data drift ejerskab erfaring fase forslag ' +
  'forventning gennemgang handling henvendelse indsats kapacitet kommentar konsekvens kontakt krav kvalitet ' +
  'leverandør løsning medarbejder model møde mål niveau omfang opgave oplæg organisation periode plan ' +
  'proces projekt punkt rammer resultat risiko rolle sag samarbejde situation spørgsmål status styring ' +
  'system tid udfordring udgift udvikling vurdering ønske ændring økonomi område anbefaling afdeling ' +
  'godkende vurdere afklare beskrive sikre undersøge planlægge gennemføre drøfte præsentere overveje ' +
  'koordinere informere involvere prioritere understøtte videreføre evaluere implementere tilpasse ' +
  'væsentlig vigtig nødvendig relevant samlet endelig foreløbig kritisk stabil ny gammel lokal fælles ' +
  'digital teknisk juridisk økonomisk administrativ politisk kommunal regional national ekstern intern'
).split(' ');
const STEMS = [
  'drift', 'sags', 'borger', 'bruger', 'data', 'system', 'kontrakt', 'service', 'sikkerheds', 'test', 'release', 'budget',
  'licens', 'support', 'projekt', 'styre', 'leverandør', 'kommune', 'økonomi', 'løn', 'job', 'ydelses', 'arkiv', 'integrations',
  'adgangs', 'fejl', 'hændelses', 'risiko', 'ændrings', 'kvalitets', 'uddannelses', 'migrerings', 'opgraderings', 'backup',
  'overvågnings', 'rapporterings', 'dokumentations', 'aktindsigts', 'journal', 'brev', 'portal', 'netværks', 'server',
];
const HEADS = [
  'aftale', 'plan', 'møde', 'gruppe', 'vindue', 'rapport', 'proces', 'miljø', 'løsning', 'ansvar', 'leverance', 'status',
  'oversigt', 'fejl', 'krav', 'model', 'opgave', 'periode', 'budget', 'strategi', 'politik', 'beskrivelse', 'analyse', 'log',
];
const DECISIONS = [
  'Releasen udskydes til uge {n}', 'Styregruppen godkender budgettet for {y}', 'Servicevinduet flyttes til tirsdag aften',
  'Leverandøren retter fejlen uden beregning', 'Ændringsanmodning {n} godkendes', 'Testen gentages i præproduktion',
  'Kommunen accepterer den reviderede tidsplan', 'Databehandleraftalen underskrives inden {d}', 'Supportaftalen forlænges med et år',
  'Punktet tages op igen på næste møde', 'Migreringen starter i {p}',
];

function uuid(rnd: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rnd() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The fixed "today" of the generated library: open items due before it are overdue. */
export const GENERATED_TODAY = '2026-06-15';

/** Generates `count` rows; the same count and seed give the same rows. */
export function generateLibrary(count: number, seed = 2026): IndexedReferat[] {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => rnd() < p;

  const series = Array.from({ length: 40 }, () => {
    const vendor = pick(VENDORS);
    const municipality = pick(MUNICIPALITIES);
    const kind = pick(MEETINGS);
    return { id: uuid(rnd), vendor, municipality, kind, name: `${kind} med ${vendor} (${municipality})` };
  });

  // Compound words make the vocabulary grow the way real minutes do.
  const compound = () => `${pick(STEMS)}${chance(0.3) ? pick(STEMS) : ''}${pick(HEADS)}${chance(0.4) ? pick(['en', 'et', 'er', 'erne', 'ens']) : ''}`;
  const word = () => (chance(0.35) ? compound() : pick(NOUNS));
  const filler = (n: number) => Array.from({ length: n }, () => (chance(0.1) ? compound() : pick(FILLER))).join(' ');
  const place = () => (chance(0.7) ? pick(PLACES_AA) : pick(PLACES_Å));
  const sentence = () => {
    const r = rnd();
    if (r < 0.45) return `${pick(SUBJECTS)} ${pick(SAYS)} ${word()} ${pick(VERBS)} ${pick(TAILS)}`.trim() + '.';
    if (r < 0.6) return `${pick(SUBJECTS)} ${pick(SAYS)} ${filler(4 + int(10))} ${word()} ${pick(VERBS)}, jf. ${pick(FIRST)} ${pick(LAST)} (${int(2000)} timer).`;
    if (r < 0.75) return `Mødet i ${place()} om ${word()} ${pick(VERBS)} ${pick(TAILS)}`.trim() + '.';
    if (r < 0.85) return `Sag ${int(30)}.${pad(int(13))}.${pad(int(20))}-P${pad(int(30))}-${1 + int(9)}-${24 + int(3)}: ${word()} ${pick(VERBS)}.`;
    return `Der blev drøftet ${word()}, ${word()} og ${word()}; ${int(100)} procent af ${word()} ${pick(VERBS)}.`;
  };

  const rows: IndexedReferat[] = [];
  for (let i = 0; i < count; i++) {
    const inSeries = chance(0.7) ? pick(series) : null;
    const vendor = inSeries?.vendor ?? pick(VENDORS);
    const municipality = inSeries?.municipality ?? pick(MUNICIPALITIES);
    const kind = inSeries?.kind ?? pick(MEETINGS);
    const date = addDays('2024-01-01', int(3 * 365 + 1));
    const startTime = `${pad(8 + int(8))}:${chance(0.5) ? '00' : '30'}`;
    const endTime = `${pad(Number(startTime.slice(0, 2)) + 1 + int(2))}:${startTime.slice(3)}`;

    const people: Array<{ name: string; organisation: string }> = [];
    const orgs = [municipality, vendor, ...(chance(0.2) ? [pick(OTHERS)] : [])];
    const size = 2 + int(6);
    for (let k = 0; k < size; k++) people.push({ name: `${pick(FIRST)} ${pick(LAST)}`, organisation: orgs[k % orgs.length] as string });
    const parties = [...new Set(people.map((p) => p.organisation))];

    const titleForm = int(4);
    const title =
      titleForm === 0 ? `${kind} med ${vendor}`
      : titleForm === 1 ? `${kind} – ${pick(SYSTEMS)}`
      : titleForm === 2 ? `${kind} ${date.slice(0, 7)} i ${place()}`
      : `${kind} om ${word()}`;

    const agendaTitles = [...pick(AGENDAS)];
    if (chance(0.5)) agendaTitles.splice(2, 0, pick(EXTRA_AGENDA));
    const decisions = Array.from({ length: int(4) }, () =>
      pick(DECISIONS).replace('{n}', String(1 + int(52))).replace('{y}', String(2024 + int(3))).replace('{d}', addDays(date, 30)).replace('{p}', place()),
    );
    const actionItems: ActionItemInfo[] = Array.from({ length: int(5) }, () => {
      const owner = pick(people);
      const due = chance(0.8) ? addDays(date, 7 + int(60)) : '';
      return {
        id: uuid(rnd),
        text: `${pick(ACTIONS)} ${chance(0.5) ? pick(SYSTEMS) : word()}`,
        owner: owner.name,
        ownerOrganisation: owner.organisation,
        due,
        done: date < GENERATED_TODAY && chance(due && due < GENERATED_TODAY ? 0.7 : 0.2),
        originDoc: '',
        originItem: '',
        agendaItemId: null,
      };
    });

    const target = 1024 + int(3 * 1024);
    const lines: string[] = [];
    let length = 0;
    let line = '';
    while (length < target) {
      const s = sentence();
      line = line ? `${line} ${s}` : s;
      length += s.length + 1;
      if (chance(0.3)) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);

    const status: ReferatStatus = date < '2026-01-01' ? (chance(0.9) ? 'approved' : 'proposed') : pick(['draft', 'proposed', 'approved'] as const);
    rows.push({
      id: uuid(rnd),
      title,
      date,
      startTime,
      endTime,
      location: `Mødelokale ${1 + int(9)}, ${place()}`,
      status,
      parties,
      participantNames: people.map((p) => p.name),
      text: lines.join('\n'),
      formatVersion: 2,
      createdAt: `${date}T${startTime}:00.000Z`,
      agendaTitles,
      decisions,
      actionItems,
      seriesId: inSeries?.id ?? '',
      seriesName: inSeries?.name ?? '',
      previousId: '',
      indexedAt: 1_750_000_000_000 + i,
    });
  }
  // Link each series in meeting order.
  const last = new Map<string, string>();
  for (const r of rows.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (!r.seriesId) continue;
    r.previousId = last.get(r.seriesId) ?? '';
    last.set(r.seriesId, r.id);
  }
  return rows;
}
