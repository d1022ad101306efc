// Chooses referater for an aktindsigt package from the library index (fast, no documents opened): party or
// organisation, period, words of text and status, Danish-aware; the trash is left out. Oldest meeting first.
import { danishFold } from '../core/danishFold';
import type { PackageSelection } from '../export/packageSelection';
import type { IndexedReferat, LibraryDatabase } from '../storage/libraryDatabase';

function haystack(r: IndexedReferat): string {
  return danishFold(
    [r.title, r.text, ...r.agendaTitles, ...r.decisions, ...r.actionItems.map((a) => a.text), ...r.parties, ...r.participantNames].join('\n'),
  );
}

export function matchesSelection(r: IndexedReferat, s: PackageSelection): boolean {
  if (s.status !== 'any' && r.status !== s.status) return false;
  if ((s.from || s.to) && r.date === '') return false;
  if (s.from && r.date < s.from) return false;
  if (s.to && r.date > s.to) return false;
  const party = danishFold(s.party.trim());
  if (party && ![...r.parties, ...r.participantNames].some((p) => danishFold(p).includes(party))) return false;
  const words = danishFold(s.text).split(/\s+/).filter((w) => w !== '');
  if (words.length > 0) {
    const text = haystack(r);
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

export async function aktindsigtMatches(db: LibraryDatabase, s: PackageSelection): Promise<IndexedReferat[]> {
  const trashed = new Set(await db.trash.toCollection().primaryKeys());
  const rows = await db.referater.filter((r) => !trashed.has(r.id) && matchesSelection(r, s)).toArray();
  return rows.toSorted((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.createdAt.localeCompare(b.createdAt));
}
