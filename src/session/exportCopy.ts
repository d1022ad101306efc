// Makes a signed `.referat` copy of an open referat: the whole document, or only what one party is missing.
import * as Y from 'yjs';
import { readMeta } from '../core/meta';
import { linkOwnParticipant } from '../core/participantKeys';
import { encodeReferatFile } from '../core/referatFile';
import { safeFileName } from '../core/safeFileName';
import { fileNameDateTime } from '../export/exportDates';
import { recordSent } from '../storage/copyLedger';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LocalIdentity } from './localIdentity';
import type { ReferatSession } from './referatSession';

export interface ExportedCopy {
  bytes: Uint8Array;
  fileName: string;
  /** True when only what the party lacked was included. */
  partial: boolean;
}

export async function exportCopy(
  db: LibraryDatabase,
  session: ReferatSession,
  local: LocalIdentity,
  forParty: string | null = null,
  now = new Date(),
): Promise<ExportedCopy> {
  const { doc } = session;
  linkOwnParticipant(doc, local.me);
  const row = forParty ? await db.ledger.get([session.id, forParty]) : undefined;
  const base = row?.heldStateVector ?? null;
  const stateVector = Y.encodeStateVector(doc);
  const update = base ? Y.encodeStateAsUpdate(doc, base) : Y.encodeStateAsUpdate(doc);
  const title = readMeta(doc).title;
  const bytes = await encodeReferatFile({
    docId: session.id,
    title,
    sender: { name: local.me.name, organisation: local.me.organisation, organisationKind: local.me.organisationKind },
    signer: local.identity,
    stateVector,
    base,
    update,
    now,
  });
  if (row) await recordSent(db, session.id, { ...row, fingerprint: row.partyId }, stateVector, now.getTime());
  const safe = safeFileName(title, 60);
  const stamp = fileNameDateTime(now);
  return { bytes, fileName: `${safe} ${stamp}${row ? ` til ${safeFileName(row.organisation, 80, '')}` : ''}.referat`, partial: base !== null };
}
