// The lock of an approved referat: says it is locked, offers "Genåbn referatet" behind a confirmation, and lists the
// reopenings recorded in the document (only those whose signature verifies).
import { useEffect, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { Reopening } from '../../core/reopen';
import { reopeningsArray } from '../../core/reopenings';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from '../hooks/AppContext';
import { useOwnFingerprint } from '../hooks/useKeyDirectory';
import { useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { KeyTrustLabel } from './KeyTrustLabel';

/** The valid reopenings, re-verified when the array changes. */
function useValidReopenings(session: ReferatSession): Reopening[] {
  const array = reopeningsArray(session.doc);
  const length = useYValue(array, () => array.length);
  const [valid, setValid] = useState<Reopening[]>([]);
  useEffect(() => {
    if (length === 0) return;
    let cancelled = false;
    void import('../../core/reopen')
      .then(({ verifiedReopenings }) => verifiedReopenings(session.doc))
      .then((marks) => { if (!cancelled) setValid(marks.map((m) => m.reopening)); })
      .catch(() => undefined);
    return () => { cancelled = true; };
  }, [session, length]);
  return length === 0 ? [] : valid;
}

export function ReopenPanel(props: { session: ReferatSession; locked: boolean; canEdit: boolean }) {
  const { session, locked, canEdit } = props;
  const { db, profile } = useApp();
  const { t, formatDateTime } = useI18n();
  const fingerprint = useOwnFingerprint();
  const reopenings = useValidReopenings(session);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { reopenReferat } = await import('../../session/reopenReferat');
      await reopenReferat(db, session, profile);
      setMessage(t('lock.reopened'));
    } catch (e) {
      setError(t('lock.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reopen-panel">
      {locked && (
        <div className="lock-notice" role="note" data-testid="lock-notice">
          <p>{t('lock.locked')}</p>
          {canEdit && (
            <button type="button" disabled={busy} onClick={() => { setMessage(null); setAsking(true); }}>
              {t('lock.reopen')}
            </button>
          )}
        </div>
      )}
      {reopenings.length > 0 && (
        <ul className="reopenings muted" aria-label={t('lock.historyLabel')}>
          {reopenings.map((r) => {
            const time = Date.parse(r.reopenedAt);
            return (
              <li key={r.id} data-testid="reopening">
                {t('lock.reopenedBy', { when: Number.isNaN(time) ? r.reopenedAt : formatDateTime(time) })}{' '}
                <KeyTrustLabel fingerprint={r.fingerprint} name={r.name} organisation={r.organisation} />
              </li>
            );
          })}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title={t('lock.confirmTitle')}
          confirmLabel={t('lock.confirm')}
          cancelLabel={t('lock.cancel')}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        >
          <p>{t('lock.confirmWhat')}</p>
          <p>{t('lock.confirmWho', { name: profile.name, organisation: profile.organisation, fingerprint: fingerprint ?? '…' })}</p>
        </ConfirmDialog>
      )}
      <div role="status" aria-live="polite">
        {busy && <p>{t('lock.reopening')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
    </div>
  );
}
