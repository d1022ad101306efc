// Aktindsigt case work on this device, in the `exemptions` table (schema 6): a referat left out of packages, or a
// passage of it exempt, each with its reason. Never synced and never in a copy; the referat itself is not touched.
import { exemptionProblem, type CaseExemption } from '../core/caseExemption';
import type { LibraryDatabase } from './libraryDatabase';

/** The id of a referat's "left out" row: at most one per referat. */
export const leftOutId = (docId: string) => `referat:${docId}`;

/** Stores the exemption after checking it; throws a RangeError naming the problem and stores nothing. */
export async function putExemption(db: LibraryDatabase, e: CaseExemption): Promise<void> {
  const problem = exemptionProblem(e);
  if (problem !== null) throw new RangeError(`exemption refused: ${problem}`);
  if (e.kind === 'referat' && e.id !== leftOutId(e.docId)) throw new RangeError('exemption refused: id');
  await db.exemptions.put({ ...e, note: e.note.trim(), segments: e.segments.map((s) => ({ ...s })) });
}

export async function deleteExemption(db: LibraryDatabase, id: string): Promise<void> {
  await db.exemptions.delete(id);
}

/** Every exemption on this device; passages first by referat, then in the order they were made. */
export async function allExemptions(db: LibraryDatabase): Promise<CaseExemption[]> {
  return (await db.exemptions.toArray()).toSorted((a, b) => a.docId.localeCompare(b.docId) || a.createdAt - b.createdAt);
}

export async function exemptionsOf(db: LibraryDatabase, docId: string): Promise<CaseExemption[]> {
  return (await db.exemptions.where('docId').equals(docId).toArray()).toSorted((a, b) => a.createdAt - b.createdAt);
}

/** Drops a referat's exemptions (when it is deleted for good). */
export async function deleteExemptionsOf(db: LibraryDatabase, docId: string): Promise<void> {
  await db.exemptions.where('docId').equals(docId).delete();
}
