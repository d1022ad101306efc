// "Genåbn referatet": a signed, recorded reopening of an approved referat. The approvals it had seen then belong to an
// earlier version (checkTrust.ts supersedes them), so the referat can be edited again (docs/FORMAT.md, `reopenings`).
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from './base64';
import { contentHash } from './canonicalContent';
import { readMeta } from './meta';
import { profileProblems, type Profile } from './profile';
import { readReopenings, reopeningsArray, type Reopening } from './reopenings';
import { knownReopeningSignature, verifyReopening } from './reopeningSignature';
import { pushSignedEntry, signerMembers } from './pushSignedEntry';
import type { Signer } from './signature';

export { readReopenings, type Reopening } from './reopenings';
export { verifyReopening } from './reopeningSignature';

/** Signs a reopening of the referat as it stands now and pushes it in one transaction. Throws for an unusable profile. */
export async function reopen(doc: Y.Doc, who: Profile, signer: Signer, now: Date = new Date()): Promise<Reopening> {
  if (profileProblems(who).length > 0) throw new RangeError('A reopening needs a valid profile');
  const referatId = readMeta(doc).id;
  if (!/^[a-z0-9-]{1,64}$/.test(referatId)) throw new RangeError('Only a referat with an id can be reopened');
  const unsigned = {
    id: globalThis.crypto.randomUUID(),
    referatId,
    ...(await signerMembers(who, signer)),
    reopenedAt: now.toISOString(),
    contentHash: contentHash(doc),
    // Everything this device had seen, approvals included: those are the ones the reopening supersedes.
    stateVector: bytesToBase64(Y.encodeStateVector(doc)),
  };
  await pushSignedEntry(doc, reopeningsArray(doc), unsigned, signer, verifyReopening, 'reopening');
  const written = readReopenings(doc).find((r) => r.id === unsigned.id);
  if (!written) throw new Error('The reopening was not stored');
  return written;
}

/** A valid reopening as the trust check uses it (checkTrust's `ReopenMark`). */
export interface ReopeningMark {
  /** The Yjs state the reopening was made at. */
  stateVector: Uint8Array;
  /** The reopening entry's own Yjs id: an approval whose state vector includes it was made after the reopening. */
  entryId: { client: number; clock: number } | null;
  reopening: Reopening;
}

function markOf(doc: Y.Doc, r: Reopening, valid: boolean | undefined): ReopeningMark | null {
  if (valid !== true || r.members.referatId !== readMeta(doc).id) return null;
  const bytes = base64ToBytes(typeof r.members.stateVector === 'string' ? r.members.stateVector : '');
  return bytes === null ? null : { stateVector: bytes, entryId: r.entryId, reopening: r };
}

/** Verifies every reopening (results are remembered) and returns the valid ones made for this referat. */
export async function verifiedReopenings(doc: Y.Doc): Promise<ReopeningMark[]> {
  const all = readReopenings(doc);
  const results = await Promise.all(all.map((r) => verifyReopening(r.members)));
  return all.flatMap((r, i) => markOf(doc, r, results[i]) ?? []);
}

/** The same, synchronously, from reopenings already verified on this device (for the library index). */
export function knownReopenings(doc: Y.Doc): ReopeningMark[] {
  return readReopenings(doc).flatMap((r) => markOf(doc, r, knownReopeningSignature(r.members)) ?? []);
}

/**
 * True when `reopening` supersedes an approval whose signed state vector is `approvalState` (decoded): the reopening
 * had seen everything the approval had, and the approval had not seen the reopening. The second half keeps a
 * reopening that claims a state from the future from voiding approvals made after it.
 */
export function supersedes(reopening: Pick<ReopeningMark, 'stateVector' | 'entryId'>, approvalState: Map<number, number>): boolean {
  let outer: Map<number, number>;
  try {
    outer = Y.decodeStateVector(reopening.stateVector);
  } catch {
    return false;
  }
  for (const [client, clock] of approvalState) if ((outer.get(client) ?? 0) < clock) return false;
  const e = reopening.entryId;
  return e === null || (approvalState.get(e.client) ?? 0) <= e.clock;
}
