// Aktindsigt case work for the page: leave a referat out of packages or include it again, mark a passage exempt or
// remove the mark, each with its reason; stored on this device only (storage/caseExemptions.ts), never in the referat.
import type { CaseExemption } from '../core/caseExemption';
import type { PassageSegment } from '../core/exemptionAnchor';
import { allExemptions, deleteExemption, deleteExemptionsOf, exemptionsOf, leftOutId, putExemption } from '../storage/caseExemptions';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export { allExemptions as caseExemptions, exemptionsOf as referatExemptions };

export async function leaveOut(db: LibraryDatabase, docId: string, reason: string, note: string, now = Date.now()): Promise<void> {
  await putExemption(db, { id: leftOutId(docId), docId, kind: 'referat', reason, note, segments: [], createdAt: now });
}

export async function includeAgain(db: LibraryDatabase, docId: string): Promise<void> {
  await deleteExemption(db, leftOutId(docId));
}

export async function exemptPassage(db: LibraryDatabase, docId: string, segments: PassageSegment[], reason: string, note: string, now = Date.now()): Promise<CaseExemption> {
  const exemption: CaseExemption = { id: crypto.randomUUID(), docId, kind: 'passage', reason, note, segments, createdAt: now };
  await putExemption(db, exemption);
  return exemption;
}

export async function removeExemption(db: LibraryDatabase, id: string): Promise<void> {
  await deleteExemption(db, id);
}

/** Forgets a referat's case work, for when the referat is deleted for good (libraryActions). */
export async function forgetExemptions(db: LibraryDatabase, docId: string): Promise<void> {
  await deleteExemptionsOf(db, docId);
}
