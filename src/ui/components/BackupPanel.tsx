// Settings → Sikkerhedskopi: save every referat as one ZIP of signed copies, and restore (merge) such a ZIP,
// with a report of what each file did. The ZIP and import code loads only when used, off the first load.
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { RestoreReport } from '../../session/restoreLibrary';
import { storedReferatCount } from '../../session/libraryQueries';
import { recordLastBackup } from '../../session/settings';
import { useApp } from '../hooks/AppContext';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';
import { openZipSaveTarget } from '../zipSaveTarget';

type BackupPhase =
  | { kind: 'idle' }
  | { kind: 'saving'; done: number; total: number }
  | { kind: 'saved'; count: number; bytes: number; name: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; detail: string };

type RestorePhase =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'restoring'; done: number; total: number }
  | { kind: 'finished'; report: RestoreReport }
  | { kind: 'failed'; detail: string };

export function BackupPanel() {
  const { db } = useApp();
  const { load: loadLocal } = useLocalIdentity();
  const { t, formatBytes, formatDateTime } = useI18n();
  const id = useId();
  const [backup, setBackup] = useState<BackupPhase>({ kind: 'idle' });
  const [restore, setRestore] = useState<RestorePhase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const busy = backup.kind === 'saving' || restore.kind === 'checking' || restore.kind === 'restoring';

  async function save() {
    const { backupFileName, backupLibrary } = await import('../../session/backupLibrary');
    const name = backupFileName();
    const target = await openZipSaveTarget(name, await storedReferatCount());
    if (!target) return;
    const abort = new AbortController();
    controller.current = abort;
    setBackup({ kind: 'saving', done: 0, total: 0 });
    try {
      const local = await loadLocal();
      const result = await backupLibrary(db, local, target.sink, { signal: abort.signal, onProgress: (p) => setBackup({ kind: 'saving', ...p }) });
      await target.finish();
      setBackup({ kind: 'saved', count: result.count, bytes: result.bytes, name });
      // Settings shows when the last backup was saved, and advises one when it is old (StoragePanel).
      await recordLastBackup(db).catch(() => undefined);
    } catch (e) {
      await target.abort().catch(() => undefined);
      setBackup(abort.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', detail: errorMessage(e) });
    } finally {
      controller.current = null;
    }
  }

  async function restoreFrom(file: File) {
    setRestore({ kind: 'checking', name: file.name });
    try {
      const [{ blobSource }, { restoreLibrary }, local] = await Promise.all([
        import('../../export/zipReader'),
        import('../../session/restoreLibrary'),
        loadLocal(),
      ]);
      const report = await restoreLibrary(db, blobSource(file), {
        ownFingerprint: local.me.fingerprint,
        onProgress: (p) => setRestore({ kind: 'restoring', ...p }),
      });
      setRestore({ kind: 'finished', report });
    } catch (e) {
      setRestore({ kind: 'failed', detail: errorMessage(e) });
    }
  }

  const madeAt = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatDateTime(Date.parse(iso)));
  const report = restore.kind === 'finished' ? restore.report : null;
  const counts = report?.kind === 'done'
    ? {
        new: report.rows.filter((r) => r.outcome === 'new').length,
        updated: report.rows.filter((r) => r.outcome === 'updated').length,
        upToDate: report.rows.filter((r) => r.outcome === 'upToDate').length,
        rejected: report.rows.filter((r) => r.outcome === 'rejected').length,
      }
    : null;

  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={busy}>{t('backup.make')}</button>
        {backup.kind === 'saving' && <button type="button" onClick={() => controller.current?.abort()}>{t('package.cancel')}</button>}
      </div>
      {backup.kind === 'saving' && backup.total > 0 && <progress max={backup.total} value={backup.done} aria-label={t('backup.progressLabel')} />}
      <p role="status" data-testid="backup-status">
        {backup.kind === 'saving' && backup.total > 0 && t('backup.progress', { done: backup.done, total: backup.total })}
        {backup.kind === 'saved' && t(backup.count === 1 ? 'words.backup.doneOne' : 'backup.done', { count: backup.count, size: formatBytes(backup.bytes), name: backup.name })}
        {backup.kind === 'cancelled' && t('backup.cancelled')}
      </p>
      {backup.kind === 'failed' && <p role="alert" className="field-error">{t('backup.failed', { detail: backup.detail })}</p>}

      <span className="import-button">
        <label htmlFor={`${id}-restore`} className="button-like">{t('backup.restore')}</label>
        <input
          id={`${id}-restore`}
          type="file"
          accept=".zip,application/zip"
          className="visually-hidden-input"
          disabled={busy}
          aria-describedby={`${id}-restore-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void restoreFrom(file);
          }}
        />
      </span>
      <p id={`${id}-restore-hint`} className="muted hint">{t('backup.restoreHint')}</p>
      <p role="status" data-testid="restore-status">
        {restore.kind === 'checking' && t('backup.checking', { name: restore.name })}
        {restore.kind === 'restoring' && t('backup.restoring', { done: restore.done, total: restore.total })}
        {counts && t('backup.restored', counts)}
      </p>
      {report?.kind === 'error' && (
        <p role="alert" className="field-error" data-testid="restore-error">{t('backup.error', { reason: t(`backup.error.${report.code}`) })}</p>
      )}
      {restore.kind === 'failed' && <p role="alert" className="field-error">{t('backup.restoreFailed', { detail: restore.detail })}</p>}
      {report?.kind === 'done' && report.index && (
        <p className="muted">
          {t('backup.madeBy', { date: madeAt(report.index.createdAt), name: report.index.device.name, organisation: report.index.device.organisation, fingerprint: report.index.device.fingerprint })}
        </p>
      )}
      {report?.kind === 'done' && report.trusted && report.index && (
        <p className="muted" data-testid="restore-trust">{t('backup.trusted', { name: report.index.device.name, fingerprint: report.index.device.fingerprint })}</p>
      )}
      {report?.kind === 'done' && !report.trusted && report.unknownSigners.length > 0 && (
        <p className="warning" role="status" data-testid="restore-trust">
          {t('backup.untrusted', { signers: report.unknownSigners.map((s) => `${s.name}, ${s.organisation} (${s.fingerprint})`).join('; ') })}
        </p>
      )}
      {report?.kind === 'done' && (
        <ul data-testid="restore-rows">
          {report.rows.map((r) => (
            <li key={r.path}>
              {r.title || r.path}: {t(`backup.outcome.${r.outcome}`)}
              {r.reason && ` – ${r.reason === 'incomplete' ? t('backup.reason.incomplete') : t(`import.error.${r.reason}`)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
