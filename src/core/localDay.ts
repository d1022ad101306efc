// Whole calendar days between two moments in the device's own time zone: 0 for the same day, 1 for yesterday.
/** The local calendar day of a moment, as a day number (UTC-free, so daylight saving does not shift it). */
function dayNumber(time: number): number {
  const d = new Date(time);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** How many local calendar days `time` lies before `now` (negative when after). */
export function daysBefore(time: number, now: number): number {
  return dayNumber(now) - dayNumber(time);
}
