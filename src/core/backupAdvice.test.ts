import { describe, expect, it } from 'vitest';
import { backupAdvice } from './backupAdvice';

const DAY = 86_400_000;

describe('backup advice', () => {
  it('advises nothing when the browser promised to keep the data', () => {
    expect(backupAdvice(true, null, 100 * DAY)).toBe('none');
  });

  it('advises a backup when storage is not persistent and none was made, or the last is over a week old', () => {
    const now = 100 * DAY;
    expect(backupAdvice(false, null, now)).toBe('noBackup');
    expect(backupAdvice(null, null, now)).toBe('noBackup');
    expect(backupAdvice(false, now - 8 * DAY, now)).toBe('oldBackup');
    expect(backupAdvice(false, now - 6 * DAY, now)).toBe('none');
  });
});
