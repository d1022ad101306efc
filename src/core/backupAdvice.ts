// Whether to advise a backup: when the browser has not promised to keep the data (persistent storage) and the last
// backup made on this device is missing or older than a week.
export const BACKUP_ADVICE_DAYS = 7;

export type BackupAdvice = 'none' | 'noBackup' | 'oldBackup';

export function backupAdvice(persisted: boolean | null, lastBackupAt: number | null, now: number): BackupAdvice {
  if (persisted === true) return 'none';
  if (lastBackupAt === null) return 'noBackup';
  return now - lastBackupAt > BACKUP_ADVICE_DAYS * 86_400_000 ? 'oldBackup' : 'none';
}
