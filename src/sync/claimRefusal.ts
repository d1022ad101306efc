// The authorship gate for incoming updates (files and live peers): nobody writes under this device's client ids,
// and nobody claims a client id another key already owns (docs/FORMAT.md, `claims`).
import * as Y from 'yjs';
import { CLAIMS } from '../core/docLayout';
import { mapEntryWrites, valuesOf } from './mapEntryWrites';
import type { ReceiverFacts } from './receiverFacts';
import type { UpdateOutline } from './updateOutline';

export interface ClaimRefusal {
  /** `foreignClient`: changes under a client id this device wrote with; `conflictingClaim`: a claim of a client id another key owns. */
  code: 'foreignClient' | 'conflictingClaim';
  clientId: number;
  detail: string;
}

function fingerprintOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fp = (value as Record<string, unknown>).fingerprint;
  return typeof fp === 'string' ? fp : null;
}

/**
 * Checks what the receiver lacks of an update (`update`: Yjs diffUpdate against the receiver's state vector, as an
 * outline) against the receiver's facts; null when it may be applied.
 */
export function claimRefusal(update: UpdateOutline, facts: ReceiverFacts): ClaimRefusal | null {
  for (const client of facts.ownClients) {
    const structs = update.structs.get(client);
    if (structs?.some((s) => !(s instanceof Y.Skip))) {
      return { code: 'foreignClient', clientId: client, detail: `the update holds changes under client id ${client}, which only this device writes with` };
    }
  }
  const owners = new Map(facts.owners);
  for (const w of mapEntryWrites(update, facts.entries)) {
    if (w.parent !== CLAIMS) continue;
    const clientId = Number(w.key);
    const owner = owners.get(clientId);
    if (owner === undefined) continue;
    if (valuesOf(w.item).some((v) => fingerprintOf(v) !== owner)) {
      return { code: 'conflictingClaim', clientId, detail: `the update claims client id ${clientId}, which another key owns` };
    }
  }
  return null;
}
