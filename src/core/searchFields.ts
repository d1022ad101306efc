// The fields of a library index row that search looks in, their weights for ranking, and their text.
import type { LibraryEntry } from './libraryEntry';

export type SearchField = 'title' | 'decisions' | 'actionItems' | 'agendaTitles' | 'participants' | 'body';

/** Every field, best first; a field's bit in a match mask is 1 << its place here. */
export const SEARCH_FIELDS: readonly SearchField[] = ['title', 'decisions', 'actionItems', 'agendaTitles', 'participants', 'body'];

/** Title beats the structured parts (decisions, action items, agenda titles), which beat participants, which beat the body. */
export const SEARCH_FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  title: 8,
  decisions: 4,
  actionItems: 4,
  agendaTitles: 4,
  participants: 2,
  body: 1,
};

/** What search needs of a row: the index row (IndexedReferat) satisfies it. */
export type SearchableEntry = Pick<
  LibraryEntry,
  'id' | 'title' | 'date' | 'startTime' | 'createdAt' | 'status' | 'parties' | 'participantNames' | 'text' | 'agendaTitles' | 'decisions' | 'actionItems'
>;

/** The texts of one field of a row, each searched and shown on its own (an action item is its text and owner). */
export function searchFieldTexts(entry: SearchableEntry, field: SearchField): string[] {
  switch (field) {
    case 'title':
      return [entry.title];
    case 'decisions':
      return entry.decisions;
    case 'actionItems':
      return entry.actionItems.map((a) => (a.owner.trim() ? `${a.text} – ${a.owner}` : a.text));
    case 'agendaTitles':
      return entry.agendaTitles;
    case 'participants':
      return [...entry.participantNames, ...entry.parties];
    case 'body':
      return [entry.text];
  }
}
