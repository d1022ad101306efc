// The copy ledger: for each referat and each other party, which state they are known to hold (seen live, in a
// file from them, or in their signed relay acknowledgement), and what we last sent them in a file (sent, not yet confirmed as held). At most
// MAX_LEDGER_ROWS parties per referat: a room full of made-up peers cannot fill the device.
import type { LedgerRow, LibraryDatabase } from './libraryDatabase';

export interface PartyIdentity {
  fingerprint: string;
  name: string;
  organisation: string;
  organisationKind: string;
}

/** Rows kept per referat; the party seen longest ago (oldest `heldAt`, then `sentAt`) goes first. */
export const MAX_LEDGER_ROWS = 50;

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function blank(docId: string, party: PartyIdentity): LedgerRow {
  return {
    docId,
    partyId: party.fingerprint,
    name: party.name,
    organisation: party.organisation,
    organisationKind: party.organisationKind,
    heldStateVector: null,
    heldAt: null,
    heldChannel: null,
    sentStateVector: null,
    sentAt: null,
  };
}

export async function recordHeld(
  db: LibraryDatabase,
  docId: string,
  party: PartyIdentity,
  stateVector: Uint8Array,
  channel: 'live' | 'file' | 'relay',
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.ledger, async () => {
    const row = (await db.ledger.get([docId, party.fingerprint])) ?? blank(docId, party);
    const same = sameBytes(row.heldStateVector, stateVector) && row.name === party.name;
    if (channel === 'live' && same && row.heldChannel === 'live' && row.heldVia === undefined && now - (row.heldAt ?? 0) < 30_000) return;
    // The same acknowledgement read again at the next open is no new sighting.
    if (channel === 'relay' && same && row.heldVia === 'relay') return;
    const { heldVia: _previous, ...rest } = row;
    // A relay acknowledgement is a signed network sighting, shown like a live one until the ledger's words name it.
    await db.ledger.put({
      ...rest,
      name: party.name,
      organisation: party.organisation,
      organisationKind: party.organisationKind,
      heldStateVector: stateVector,
      heldAt: now,
      heldChannel: channel === 'relay' ? 'live' : channel,
      ...(channel === 'relay' ? { heldVia: 'relay' as const } : {}),
    });
    await evictBeyondCap(db, docId, party.fingerprint);
  });
}

/** Deletes the oldest rows of a referat beyond the cap, never the row just written. Inside the caller's transaction. */
async function evictBeyondCap(db: LibraryDatabase, docId: string, keep: string): Promise<void> {
  const rows = await db.ledger.where('docId').equals(docId).toArray();
  if (rows.length <= MAX_LEDGER_ROWS) return;
  const seen = (r: LedgerRow) => Math.max(r.heldAt ?? 0, r.sentAt ?? 0);
  const oldest = rows.filter((r) => r.partyId !== keep).toSorted((a, b) => seen(a) - seen(b) || (a.partyId < b.partyId ? -1 : 1));
  const drop = oldest.slice(0, rows.length - MAX_LEDGER_ROWS);
  await db.ledger.bulkDelete(drop.map((r): [string, string] => [r.docId, r.partyId]));
}

export async function recordSent(db: LibraryDatabase, docId: string, party: PartyIdentity, stateVector: Uint8Array, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.ledger, async () => {
    const row = (await db.ledger.get([docId, party.fingerprint])) ?? blank(docId, party);
    await db.ledger.put({ ...row, sentStateVector: stateVector, sentAt: now });
    await evictBeyondCap(db, docId, party.fingerprint);
  });
}

export function ledgerFor(db: LibraryDatabase, docId: string): Promise<LedgerRow[]> {
  return db.ledger.where('docId').equals(docId).toArray();
}
