// Realistic Danish meeting-minutes text (a municipality and its IT vendor), generated from a seed: agenda
// headings and paragraphs of one to three sentences, about 120 characters on average.
import { createPrng } from './prng.mjs';

const PEOPLE = ['Mette Holm', 'Bo Lund', 'Sofie Kjær', 'Anders Friis', 'Lone Dahl', 'Jens Bach', 'Camilla Østergaard', 'Peter Søndergaard'];
const SPEAKERS = ['Kommunen', 'Leverandøren', 'Projektlederen', 'Styregruppen', 'Driftsansvarlig', 'Databeskyttelsesrådgiveren', 'Økonomiafdelingen', 'IT-chefen', 'Borgerservice', 'Juridisk afdeling'];
const SAYS = ['oplyste, at', 'bemærkede, at', 'redegjorde for, at', 'foreslog, at', 'understregede, at', 'bekræftede, at', 'orienterede om, at', 'var bekymret for, at'];
const FACTS = [
  'servicevinduet flyttes til tirsdag aften',
  'migreringen af sagsarkivet er forsinket med to uger',
  'databehandleraftalen skal opdateres inden årsskiftet',
  'fejlrettelsen er testet i præproduktion uden bemærkninger',
  'budgettet for næste år holder, hvis licenserne genforhandles',
  'der stadig mangler adgang til logfilerne fra integrationsplatformen',
  'svartiderne i borgerportalen er forbedret efter opgraderingen',
  'integrationen til ydelsessystemet har kørt stabilt siden sidste møde',
  'der er registreret tre kritiske hændelser i perioden',
  'uddannelsen af superbrugere afsluttes i løbet af foråret',
  'kontrakten genforhandles efter sommerferien',
  'backup af databasen nu verificeres hver uge',
  'sikkerhedsopdateringerne installeres i næste servicevindue',
  'aktindsigtsanmodningen besvares inden for fristen',
  'brugerne på jobcentret oplever fejl ved udskrivning af breve',
  'leverancen af version 4.2 er udskudt til efter påske',
  'testmiljøet skal opdateres med anonymiserede data',
  'risikovurderingen af den nye løsning er godkendt',
];
const DECIDE = ['Det blev besluttet, at', 'Det blev aftalt, at', 'Styregruppen godkendte, at', 'Parterne var enige om, at', 'Det blev noteret, at'];
const DATES = ['1. april', '15. april', '3. maj', '20. maj', '7. juni', '1. september', '14. oktober', '30. november'];
const AGENDA = ['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Status på drift', 'Status på udvikling', 'Økonomi', 'Informationssikkerhed', 'Beslutninger', 'Næste møde', 'Eventuelt'];

/** @typedef {{ kind: 'heading' | 'paragraph', text: string }} Block */

/**
 * @param {{ paragraphs: number, seed?: number }} options
 * @returns {Block[]} headings (agenda points) interleaved with `paragraphs` paragraphs
 */
export function danishMinutes(options) {
  const rnd = createPrng(options.seed ?? 2026);
  /** @type {Block[]} */
  const blocks = [];
  let meeting = 1;
  let point = 0;
  let untilHeading = 0;
  for (let p = 0; p < options.paragraphs; p++) {
    if (untilHeading === 0) {
      if (point === AGENDA.length) {
        point = 0;
        meeting += 1;
      }
      blocks.push({ kind: 'heading', text: `Møde ${meeting}, punkt ${point + 1}: ${AGENDA[point]}` });
      point += 1;
      untilHeading = 3 + rnd.int(8);
    }
    untilHeading -= 1;
    const sentences = [];
    const count = 1 + rnd.int(2);
    for (let s = 0; s < count; s++) {
      const r = rnd.next();
      if (r < 0.55) sentences.push(`${rnd.pick(SPEAKERS)} ${rnd.pick(SAYS)} ${rnd.pick(FACTS)}.`);
      else if (r < 0.8) sentences.push(`${rnd.pick(DECIDE)} ${rnd.pick(FACTS)}.`);
      else sentences.push(`Handling: ${rnd.pick(PEOPLE)} følger op inden den ${rnd.pick(DATES)}.`);
    }
    blocks.push({ kind: 'paragraph', text: sentences.join(' ') });
  }
  return blocks;
}
