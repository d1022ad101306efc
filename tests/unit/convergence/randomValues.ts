// Random field values for the fuzz's edits: words, names, organisations, dates and times, some of them empty.
import type { Prng } from './prng';

export const WORDS = ['drift', 'aftale', 'frist', 'leverance', 'budget', 'møde', 'kontrakt', 'svar', 'plan', 'test', 'æble', 'ø', 'x'];
export const ORGS = ['Aarhus Kommune', 'Odense Kommune', 'Netcompany', 'KMD', 'Region Midt', ''];
const FIRST = ['Mette', 'Jens', 'Ali', 'Sofie', 'Lars', 'Birgitte', ''];
const LAST = ['Holm', 'Nielsen', 'Jensen', 'Østergaard', ''];

export function randomWords(rng: Prng, max = 3): string {
  return Array.from({ length: rng.range(1, max) }, () => rng.pick(WORDS)).join(' ');
}

export function randomName(rng: Prng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`.trim();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function randomDate(rng: Prng): string {
  return `${rng.range(2024, 2027)}-${pad2(rng.range(1, 12))}-${pad2(rng.range(1, 28))}`;
}

export function randomTime(rng: Prng): string {
  return `${pad2(rng.range(0, 23))}:${pad2(rng.range(0, 59))}`;
}
