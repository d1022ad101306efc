// File names carry the date and time the page shows (the device's own time zone), not UTC.
import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../testSupport/fixedTimeZone';
import { fileNameDate, fileNameDateTime } from '../export/exportDates';
import { backupFileName } from './backupLibrary';
import { packageFileName } from './buildAktindsigtPackage';

describe('file names in local time', () => {
  useTimeZone('Europe/Copenhagen');

  // 00:30 on 7 December in Copenhagen is still 6 December in UTC.
  const justAfterMidnight = new Date('2026-12-06T23:30:00Z');

  it('names the local date and time, not UTC', () => {
    expect(justAfterMidnight.getTimezoneOffset()).toBe(-60);
    expect(fileNameDate(justAfterMidnight)).toBe('2026-12-07');
    expect(fileNameDateTime(justAfterMidnight)).toBe('2026-12-07-00-30');
    expect(fileNameDateTime(new Date('2026-07-01T05:52:00Z'))).toBe('2026-07-01-07-52');
  });

  it('dates the backup and the aktindsigt package by the local day', () => {
    expect(backupFileName(justAfterMidnight)).toBe('referat-sikkerhedskopi 2026-12-07.zip');
    expect(packageFileName(justAfterMidnight)).toBe('aktindsigt 2026-12-07.zip');
  });
});
