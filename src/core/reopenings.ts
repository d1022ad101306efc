// Reads the signed reopenings ("Genåbn referatet") stored in a referat's `reopenings` array; see docs/FORMAT.md.
import * as Y from 'yjs';
import { REOPENINGS } from './docLayout';
import { mapString } from './mapString';
import { organisationKindOf, type OrganisationKind } from './profile';
import { typeItem } from './yjsInternals';

export function reopeningsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(REOPENINGS);
}

/** One party's deliberate reopening of an approved referat: the approvals it had seen belong to an earlier version. */
export interface Reopening {
  id: string;
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  fingerprint: string;
  /** ISO 8601 time of the reopening. */
  reopenedAt: string;
  /** The content hash when it was reopened. */
  contentHash: string;
  /** Every member as stored, `signature` included, for verification (reopeningSignature.ts). */
  members: Readonly<Record<string, unknown>>;
  /** Where the entry sits in the Yjs history: an approval whose state vector includes it was made after it. */
  entryId: { client: number; clock: number } | null;
}

function toReopening(m: Y.Map<unknown>): Reopening | null {
  const s = (k: string) => mapString(m, k);
  const id = s('id');
  const contentHash = s('contentHash');
  if (id === '' || !/^[0-9a-f]{64}$/.test(contentHash)) return null;
  const item = typeItem(m);
  return {
    id,
    name: s('name'),
    organisation: s('organisation'),
    organisationKind: organisationKindOf(s('organisationKind')),
    fingerprint: s('fingerprint'),
    reopenedAt: s('reopenedAt'),
    contentHash,
    members: Object.fromEntries(m.entries()),
    entryId: item ? { client: item.id.client, clock: item.id.clock } : null,
  };
}

/** Well-formed entries, oldest first (ties keep array order); anything else in the array is skipped, never thrown on. */
export function readReopenings(doc: Y.Doc): Reopening[] {
  const out: Reopening[] = [];
  for (const m of reopeningsArray(doc)) {
    if (!(m instanceof Y.Map)) continue;
    const r = toReopening(m);
    if (r) out.push(r);
  }
  return out.toSorted((a, b) => (a.reopenedAt < b.reopenedAt ? -1 : a.reopenedAt > b.reopenedAt ? 1 : 0));
}
