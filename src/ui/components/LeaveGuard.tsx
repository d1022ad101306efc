// Asks before leaving a referat whose changes are not on disk: in-app navigation through the router's leave guard (a
// dialog offering a copy to download), the page itself through `beforeunload` (the browser's own question).
import { useEffect, useState } from 'react';
import type { ReferatSession } from '../../session/referatSession';
import { useI18n } from '../i18n/I18nContext';
import { setLeaveGuard } from '../router/leaveGuard';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * A write still running after this long counts as pending for `beforeunload`. A write that is only a few milliseconds
 * old is not asked about: the store keeps what is uncommitted on `pagehide` (storage/unsavedUpdates.ts).
 */
const PENDING_AFTER_MS = 1000;

export function LeaveGuard(props: { session: ReferatSession; onDownload: () => void }) {
  const { session, onDownload } = props;
  const { t } = useI18n();
  const [asking, setAsking] = useState<{ proceed: () => void } | null>(null);

  useEffect(() => {
    let savingSince: number | null = null;
    const stopWatching = session.onSaveState((s) => {
      savingSince = s.kind === 'saving' ? (savingSince ?? Date.now()) : null;
    });
    const unsaved = () => {
      const kind = session.saveState().kind;
      return kind === 'failed' || (kind === 'saving' && savingSince !== null && Date.now() - savingSince >= PENDING_AFTER_MS);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    let waiting: { proceed: () => void } | null = null;
    const removeGuard = setLeaveGuard({
      path: window.location.pathname,
      hold(proceed) {
        const kind = session.saveState().kind;
        if (kind === 'saved') return false;
        if (kind === 'failed') {
          setAsking({ proceed });
          return true;
        }
        // A write is on its way: go once it is on disk, ask if it fails.
        if (waiting) {
          waiting.proceed = proceed;
          return true;
        }
        const w = { proceed };
        waiting = w;
        session.flushSaves().then(
          () => {
            waiting = null;
            w.proceed();
          },
          () => {
            waiting = null;
            setAsking({ proceed: w.proceed });
          },
        );
        return true;
      },
    });
    return () => {
      stopWatching();
      window.removeEventListener('beforeunload', onBeforeUnload);
      removeGuard();
    };
  }, [session]);

  if (!asking) return null;
  return (
    <ConfirmDialog
      title={t('nothingLost.title')}
      confirmLabel={t('nothingLost.leave')}
      cancelLabel={t('nothingLost.stay')}
      onCancel={() => setAsking(null)}
      onConfirm={() => {
        setAsking(null);
        asking.proceed();
      }}
    >
      <p>{t('nothingLost.body')}</p>
      <p>
        <button type="button" className="primary" onClick={onDownload}>{t('save.download')}</button>
      </p>
    </ConfirmDialog>
  );
}
