// Which organisations must approve a referat (docs/TRUST.md): every organisation a present participant has ever
// had, read from the kept history, unless the organisation itself (or this device) took it out of the record.
import type * as Y from 'yjs';
import { sameOrganisation } from './sameOrganisation';
import { deletionAuthor, type ClientOwner } from './deletionAuthor';
import type { KeyDirectory } from './knownKey';
import { participantsArray } from './referatDoc';
import { historicMapEntries, historicValues, lastValue, type HistoricEntry } from './yHistory';
import { typeItem } from './yjsInternals';

export type { ClientOwner } from './deletionAuthor';

/** Whether the key behind `client` may excuse `organisation`: it is confirmed as that organisation's, or it is this device's. */
function mayExcuse(fingerprint: string | null, organisation: string, dir: KeyDirectory, now: Date): boolean {
  if (fingerprint === null) return false;
  const key = dir.confirmed(fingerprint, now);
  return key !== null && (key.confirmedBy === 'own' || sameOrganisation(key.organisation, organisation));
}

function organisationsOf(entry: HistoricEntry, doc: Y.Doc, dir: KeyDirectory, owner: ClientOwner, now: Date): string[] {
  const { map, deleted } = entry;
  const present = historicValues(map, 'present');
  // An entry that was never present (an absent invitee) binds nobody; a missing `present` means present.
  if (present.length > 0 && present.every((v) => v.value === false)) return [];
  const absentNow = lastValue(map, 'present') === false;
  // Everyone who wrote "absent" (concurrent writes may hide one behind another): any of them may be the organisation.
  const absentBy = absentNow ? present.filter((v) => v.value === false).map((v) => owner(v.client)) : [];
  const item = typeItem(map);
  const deletedBy = deleted && item ? deletionAuthor(doc, item.id, owner) : null;
  const values = historicValues(map, 'organisation');
  const out: string[] = [];
  values.forEach((v, i) => {
    if (typeof v.value !== 'string' || v.value.trim() === '') return;
    const organisation = v.value.trim();
    const next = values[i + 1];
    // Who took this value out of the record: the writer of the value after it, the deleter, or the one who marked absent.
    const removers: Array<string | null> = [];
    if (next) removers.push(owner(next.client));
    if (deleted) removers.push(deletedBy);
    if (absentNow) removers.push(...(absentBy.length > 0 ? absentBy : [null]));
    const stillHere = removers.length === 0;
    if (stillHere || !removers.some((fp) => mayExcuse(fp, organisation, dir, now))) out.push(organisation);
  });
  return out;
}

/** The organisations that must approve, first-seen order, compared case-blind with spaces collapsed. */
export function requiredOrganisations(doc: Y.Doc, dir: KeyDirectory, owner: ClientOwner, now = new Date()): string[] {
  const out: string[] = [];
  for (const entry of historicMapEntries(participantsArray(doc))) {
    for (const org of organisationsOf(entry, doc, dir, owner, now)) if (!out.some((o) => sameOrganisation(o, org))) out.push(org);
  }
  return out;
}
