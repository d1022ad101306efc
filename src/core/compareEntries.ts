// The library's order: newest meeting first. Apart from libraryEntry.ts (which reads documents), so the library
// list sorts without loading Yjs.

/** Newest meeting first; undated referater last; ties by creation time, newest first. */
export function compareEntries(a: { date: string; startTime: string; createdAt: string }, b: typeof a): number {
  const ka = a.date ? `${a.date}T${a.startTime || '00:00'}` : '';
  const kb = b.date ? `${b.date}T${b.startTime || '00:00'}` : '';
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
