// The approvals (godkendelser) of an open referat: per organisation what this device can say, each approval in short
// words with its details behind a disclosure, anything removed from the record, and approving (useApproval).
import { useId } from 'react';
import { groupedHash } from '../../core/groupedHash';
import { hasCurrentApproval } from '../../core/hasCurrentApproval';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from '../hooks/AppContext';
import { useApproval } from '../hooks/useApproval';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';
import { ApprovalItem } from './ApprovalItem';
import { ConfirmDialog } from './ConfirmDialog';
import { KeyTrustLabel } from './KeyTrustLabel';
import { TrustSummary } from './TrustSummary';

/** `trust` is the page's one trust check (useTrustState); null while the first check runs. */
export function ApprovalsPanel(props: { session: ReferatSession; readOnly: boolean; trust: TrustState | null }) {
  const { session, readOnly, trust } = props;
  const { profile } = useApp();
  const { t } = useI18n();
  const id = useId();
  const { local } = useLocalIdentity({ now: true });
  const { pending, busy, message, error, start, confirm, cancel } = useApproval(session);
  const mineIsCurrent = hasCurrentApproval(trust?.approvals ?? [], local?.me.fingerprint ?? null);

  return (
    <section className="approvals-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('approval.title')}</h2>
      <p className="muted">{t('approval.intro')}</p>
      <div role="status" aria-live="polite" data-testid="approval-status">
        {trust === null ? <p>{t('approval.checking')}</p> : <TrustSummary trust={trust} />}
      </div>
      {trust !== null && trust.approvals.length === 0 && <p>{t('approval.none')}</p>}
      {trust !== null && trust.approvals.length > 0 && (
        <>
          <h3>{t('approval.signaturesTitle')}</h3>
          <ul aria-label={t('approval.listLabel')} className="approvals">
            {trust.approvals.map((a, i) => <ApprovalItem key={`${a.id}-${i}`} approval={a} session={session} trust={trust} />)}
          </ul>
        </>
      )}
      {trust !== null && trust.removed.length > 0 && (
        <>
          <h3>{t('approval.removedTitle')}</h3>
          <ul data-testid="removed-entries">
            {trust.removed.map((r, i) => (
              <li key={`${r.kind}-${i}`}>
                {t(r.kind === 'approval' ? 'approval.removedApproval' : 'approval.removedParticipant', { name: r.name || '–', organisation: r.organisation || '–' })}{' '}
                {r.removedBy ? <>{t('approval.removedBy')} <KeyTrustLabel fingerprint={r.removedBy} name="" organisation="" /></> : t('approval.removedByUnknown')}
              </li>
            ))}
          </ul>
        </>
      )}
      {!readOnly && !trust?.locked && (
        <div className="actions">
          {mineIsCurrent ? (
            <p>{t('approval.youApproved')}</p>
          ) : (
            <button type="button" disabled={busy} onClick={() => void start()}>{t('approval.approve')}</button>
          )}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={t('approval.confirmTitle')}
          confirmLabel={t('approval.confirm')}
          tone="primary"
          cancelLabel={t('approval.cancel')}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        >
          <p>{t('approval.confirmWhat')}</p>
          <p><code className="fingerprint" data-testid="approval-confirm-hash">{groupedHash(pending.contentHash)}</code></p>
          <p>{t('approval.confirmWho', { name: profile.name, organisation: profile.organisation, fingerprint: pending.fingerprint })}</p>
          <p>{t('approval.confirmLater')}</p>
        </ConfirmDialog>
      )}
      <div role="status" aria-live="polite">
        {busy && <p>{t('approval.preparing')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
    </section>
  );
}
