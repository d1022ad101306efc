import { describe, expect, it } from 'vitest';
import { daysBefore } from './localDay';

describe('local days', () => {
  it('counts calendar days in the local time zone, not 24-hour spans', () => {
    const now = new Date(2026, 11, 6, 0, 30).getTime();
    expect(daysBefore(new Date(2026, 11, 6, 0, 5).getTime(), now)).toBe(0);
    expect(daysBefore(new Date(2026, 11, 5, 23, 55).getTime(), now)).toBe(1);
    expect(daysBefore(new Date(2026, 10, 30, 12, 0).getTime(), now)).toBe(6);
    // Across the change to summer time (29 March 2026 in Denmark) a day is still one day.
    expect(daysBefore(new Date(2026, 2, 28, 12).getTime(), new Date(2026, 2, 30, 12).getTime())).toBe(2);
  });
});
