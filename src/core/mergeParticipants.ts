// Merges two rows that name one person ("Flet"): the earlier row stays where it is and takes the key, the presence and
// whatever only the other row knew; the other row goes. Refused for two different keys or two organisations.
import * as Y from 'yjs';
import { mapString } from './mapString';
import { foldPart, mayMerge, organisationRelation, personName } from './participantMatch';
import { readParticipants, type Participant } from './participants';
import { participantsArray } from './referatDoc';

/** Why a merge was refused: each row carries its own key, the rows name two organisations, or a row is gone. */
export class MergeRefusedError extends Error {
  constructor(readonly reason: 'twoKeys' | 'twoOrganisations' | 'missing') {
    super(`These participant rows cannot be merged (${reason})`);
    this.name = 'MergeRefusedError';
  }
}

export interface MergeResult {
  /** The row that stays (the earlier one's id). */
  id: string;
  /** Values of the removed row that the kept row does not hold in any form (empty: nothing was lost). */
  notKept: string[];
}

const MAX_FIELD = 200;

function mapOf(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = participantsArray(doc)
    .toArray()
    .find((x) => x instanceof Y.Map && x.get('id') === id);
  return m instanceof Y.Map ? m : null;
}

/** Both roles, once each ("Projektleder, Referent"), when they differ and fit. */
function joinedRole(a: string, b: string): string {
  const [x, y] = [a.trim(), b.trim()];
  if (y === '' || x.toLocaleLowerCase('da') === y.toLocaleLowerCase('da')) return x;
  if (x === '') return y;
  const both = `${x}, ${y}`;
  return both.length <= MAX_FIELD ? both : x;
}

/**
 * Merges the row `otherId` into the row `keepId` in one transaction: the kept row holds the key of whichever row has
 * one, is present if either was, gets the organisation out of its name field ("Lars Holm, Medialogic A/S") or from the
 * other row when it had none, and both roles. Throws MergeRefusedError, changing nothing, for rows with two different
 * keys or of two organisations.
 */
export function mergeParticipants(doc: Y.Doc, keepId: string, otherId: string): MergeResult {
  const rows = readParticipants(doc);
  const keep = rows.find((r) => r.id === keepId);
  const other = rows.find((r) => r.id === otherId);
  const keepMap = mapOf(doc, keepId);
  const otherMap = mapOf(doc, otherId);
  if (!keep || !other || !keepMap || !otherMap || keepId === otherId) throw new MergeRefusedError('missing');
  if (!mayMerge(keep, other)) throw new MergeRefusedError('twoKeys');
  const a = personName(keep);
  const b = personName(other);
  if (organisationRelation(a.organisation, b.organisation) === 'different') throw new MergeRefusedError('twoOrganisations');

  const merged: Omit<Participant, 'id' | 'fingerprint'> = {
    name: a.name || b.name,
    organisation: a.organisation || b.organisation,
    organisationKind: keep.organisationKind === 'andet' ? other.organisationKind : keep.organisationKind,
    role: joinedRole(keep.role, other.role),
    present: keep.present || other.present,
  };
  const keyFrom = keep.fingerprint !== null ? keepMap : other.fingerprint !== null ? otherMap : null;
  const key = keyFrom ? { fingerprint: mapString(keyFrom, 'fingerprint'), publicKey: keyFrom.get('publicKey') } : null;
  const held = [merged.name, merged.organisation, merged.role].map(foldPart).join('\n');
  const notKept = [b.name, b.organisation, other.role].filter((v) => foldPart(v) !== '' && !held.includes(foldPart(v)));

  doc.transact(() => {
    for (const [k, v] of Object.entries(merged)) if (keepMap.get(k) !== v) keepMap.set(k, v);
    if (key && keepMap.get('fingerprint') !== key.fingerprint) {
      keepMap.set('fingerprint', key.fingerprint);
      if (key.publicKey !== undefined && typeof key.publicKey === 'object' && key.publicKey !== null) keepMap.set('publicKey', { ...(key.publicKey as object) });
    }
    const index = participantsArray(doc)
      .toArray()
      .findIndex((x) => x === otherMap);
    if (index >= 0) participantsArray(doc).delete(index, 1);
  });
  return { id: keepId, notKept };
}
