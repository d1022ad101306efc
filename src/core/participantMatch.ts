// Whether two participant rows, or a key-holder and a row, name the same person: names and organisations compared
// folded (case, spacing, "aa"/"å", accents) and an organisation typed into the name field ("Lars Holm, Medialogic A/S").
// A row that carries another key, or names another organisation, is never a match (docs/TRUST.md).
import { danishFold } from './danishFold';
import type { Participant } from './participants';

/** Name and organisation as the row means them, with an organisation typed into the name field moved out. */
export interface PersonName {
  name: string;
  organisation: string;
}

/** How two organisations relate: the same, maybe the same (one empty, or only a legal suffix apart), or two. */
export type OrganisationRelation = 'same' | 'unsure' | 'different';

/** How sure a row is the person: `certain` may be linked without asking; `unsure` only after someone says so. */
export type RowRelation = 'certain' | 'unsure' | 'none';

/** Where a key-holder's key belongs among the rows: already there, one certain row, rows to ask about, or none. */
export type OwnRowMatch =
  | { kind: 'linked'; id: string }
  | { kind: 'certain'; id: string }
  | { kind: 'unsure'; ids: string[] }
  | { kind: 'none' };

/** Separators between a name and an organisation typed in one field: "Navn, Org", "Navn (Org)", "Navn / Org", "Navn – Org". */
const NAME_ORGANISATION = /^(.+?)\s*(?:,\s*|\s\/\s*|\s[–—-]\s+|\s*\()(.+?)\)?\s*$/u;
/** Legal forms that do not tell two organisations apart ("Medialogic" is maybe "Medialogic A/S"). */
const LEGAL_FORM = /\s+(a\/s|as|aps|i\/s|is|k\/s|p\/s|ivs|a\.m\.b\.a\.|amba|f\.m\.b\.a\.|fmba|s\.m\.b\.a\.|smba)$/u;

/** Folded for comparison: Danish folding, spaces collapsed, dots and commas at the ends dropped. */
export function foldPart(text: string): string {
  return danishFold(text).replace(/\s+/gu, ' ').replace(/^[\s.,;:]+|[\s.,;:]+$/gu, '');
}

/** The person a row names: an empty organisation field with "Navn, Org" in the name field reads as name and organisation. */
export function personName(row: PersonName): PersonName {
  const name = row.name.trim();
  const organisation = row.organisation.trim();
  const split = NAME_ORGANISATION.exec(name);
  if (!split) return { name, organisation };
  const [, person = '', typed = ''] = split;
  if (organisation === '') return { name: person.trim(), organisation: typed.trim() };
  // "Lars Holm, Medialogic A/S" with Medialogic A/S in the organisation field too.
  if (foldPart(typed) === foldPart(organisation)) return { name: person.trim(), organisation };
  return { name, organisation };
}

export function organisationRelation(a: string, b: string): OrganisationRelation {
  const fa = foldPart(a);
  const fb = foldPart(b);
  if (fa === fb) return 'same';
  if (fa === '' || fb === '') return 'unsure';
  const ba = fa.replace(LEGAL_FORM, '');
  const bb = fb.replace(LEGAL_FORM, '');
  return ba === bb ? 'unsure' : 'different';
}

/** How `row` relates to the person `who`; rows without a name never match. */
export function personRelation(row: PersonName, who: PersonName): RowRelation {
  const a = personName(row);
  const b = personName(who);
  if (foldPart(a.name) === '' || foldPart(a.name) !== foldPart(b.name)) return 'none';
  const org = organisationRelation(a.organisation, b.organisation);
  return org === 'same' ? 'certain' : org === 'unsure' ? 'unsure' : 'none';
}

/**
 * Where the key of `me` belongs: the row that carries it already; else the one row without a key that names the same
 * person and organisation; else the rows it may belong to (two certain ones, or an organisation that is empty or only a
 * legal form apart), to ask about; else none. Rows with another key and rows of another organisation are never offered.
 */
export function matchOwnRow(rows: readonly Participant[], me: PersonName & { fingerprint: string }): OwnRowMatch {
  const mine = rows.find((r) => r.fingerprint === me.fingerprint);
  if (mine) return { kind: 'linked', id: mine.id };
  const free = rows.filter((r) => r.fingerprint === null);
  const certain = free.filter((r) => personRelation(r, me) === 'certain');
  if (certain.length === 1) return { kind: 'certain', id: certain[0]!.id };
  const unsure = certain.length > 1 ? certain : free.filter((r) => personRelation(r, me) === 'unsure');
  return unsure.length > 0 ? { kind: 'unsure', ids: unsure.map((r) => r.id) } : { kind: 'none' };
}

/** Two rows that may be one person: `keep` is the earlier row, `other` the later; `certain` when the names and organisations agree. */
export interface DuplicatePair {
  keep: Participant;
  other: Participant;
  relation: 'certain' | 'unsure';
}

/** Whether two rows may be merged at all: not when each carries its own, different key. */
export function mayMerge(a: Participant, b: Participant): boolean {
  return a.fingerprint === null || b.fingerprint === null || a.fingerprint === b.fingerprint;
}

/** At most this many pairs are offered at once: a list made to hold thousands of one name stays quick to show. */
export const MAX_PAIRS = 20;

/** Pairs of rows that name the same person (in list order), never two different keys or two organisations. */
export function duplicatePairs(rows: readonly Participant[]): DuplicatePair[] {
  // Grouped by folded name first, so only rows of one name are compared with each other.
  const byName = new Map<string, Participant[]>();
  for (const row of rows) {
    const name = foldPart(personName(row).name);
    if (name === '') continue;
    const group = byName.get(name);
    if (group) group.push(row);
    else byName.set(name, [row]);
  }
  const pairs: DuplicatePair[] = [];
  for (const group of byName.values()) {
    for (let i = 0; i < group.length && pairs.length < MAX_PAIRS; i++) {
      for (let j = i + 1; j < group.length && pairs.length < MAX_PAIRS; j++) {
        const [keep, other] = [group[i]!, group[j]!];
        if (!mayMerge(keep, other)) continue;
        const relation = personRelation(keep, other);
        if (relation !== 'none') pairs.push({ keep, other, relation });
      }
    }
  }
  const at = new Map(rows.map((r, i) => [r.id, i]));
  return pairs.toSorted((a, b) => at.get(a.keep.id)! - at.get(b.keep.id)! || at.get(a.other.id)! - at.get(b.other.id)!);
}
