// Today's date as YYYY-MM-DD in the user's own time zone (not UTC, which is yesterday after midnight in Denmark).
export function todayIsoDate(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
