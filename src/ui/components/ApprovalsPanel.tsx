// The approvals (godkendelser) of an open referat: per organisation what this device can say, each approval in short
// words with its details behind a disclosure, anything removed from the record, and approving.
import { useEffect, useId, useState } from 'react';
import type { CheckedApproval, OrganisationApprovalState, TrustState } from '../../core/trustState';
import type { PendingApproval } from '../../session/approveReferat';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { KeyTrustLabel } from './KeyTrustLabel';

/** Hex in groups of four; `short` keeps the first 16 digits, enough to compare by eye. */
function groupedHash(hash: string, short = false): string {
  const digits = short ? hash.slice(0, 16) : hash;
  return `${(digits.match(/.{1,4}/g) ?? []).join(' ')}${short ? ' …' : ''}`;
}

const ORG_STATE_KEY: Record<OrganisationApprovalState, 'approval.org.approved' | 'approval.org.unconfirmedKey' | 'approval.org.earlierVersion' | 'approval.org.missing'> = {
  approved: 'approval.org.approved',
  unconfirmedKey: 'approval.org.unconfirmedKey',
  earlierVersion: 'approval.org.earlierVersion',
  missing: 'approval.org.missing',
};

/** `trust` is the page's one trust check (useTrustState); null while the first check runs. */
export function ApprovalsPanel(props: { session: ReferatSession; readOnly: boolean; trust: TrustState | null }) {
  const { session, readOnly, trust } = props;
  const { db, profile } = useApp();
  const { t } = useI18n();
  const id = useId();
  const [me, setMe] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingApproval | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void import('../../session/localIdentity')
      .then(({ loadLocalIdentity }) => loadLocalIdentity(db, profile))
      .then(({ me: local }) => { if (!cancelled) setMe(local.fingerprint); })
      .catch(() => undefined);
    return () => { cancelled = true; };
  }, [db, profile]);

  const fail = (e: unknown) => setError(t('approval.failed', { message: e instanceof Error ? e.message : String(e) }));

  const start = async () => {
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      const { prepareApproval } = await import('../../session/approveReferat');
      setPending(await prepareApproval(db, session, profile));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setPending(null);
    setBusy(true);
    try {
      const [{ approveReferat }, { ContentChangedError }] = await Promise.all([import('../../session/approveReferat'), import('../../core/approve')]);
      try {
        const done = await approveReferat(db, session, profile, pending.contentHash);
        setMessage(t('approval.done', { hash: groupedHash(done.contentHash) }));
      } catch (e) {
        if (e instanceof ContentChangedError) setError(t('approval.changed'));
        else fail(e);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const mineIsCurrent = trust?.approvals.some((a) => a.fingerprint === me && a.current) ?? false;

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
            {trust.approvals.map((a, i) => <ApprovalItem key={`${a.id}-${i}`} approval={a} />)}
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
          onCancel={() => setPending(null)}
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

/** The derived status and, per organisation that must approve, what this device can say. */
function TrustSummary(props: { trust: TrustState }) {
  const { trust } = props;
  const { t } = useI18n();
  return (
    <>
      <p>{t('approval.status', { status: t(`status.${trust.status}`) })}</p>
      {trust.organisations.length === 0 ? (
        <p>{t('approval.noOrganisations')}</p>
      ) : (
        <ul className="approval-organisations" aria-label={t('approval.organisationsLabel')}>
          {trust.organisations.map((o) => (
            <li key={o.organisation} data-testid="approval-organisation" data-state={o.state}>
              {t(ORG_STATE_KEY[o.state], { organisation: o.organisation })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ApprovalItem(props: { approval: CheckedApproval }) {
  const { approval: a } = props;
  const { t, formatDateTime } = useI18n();
  const time = Date.parse(a.approvedAt);
  const when = Number.isNaN(time) ? a.approvedAt : formatDateTime(time);
  const verdict = !a.valid ? t('approval.invalidEntry') : a.current ? t('approval.current') : t('approval.earlier');
  return (
    <li data-testid="approval" className="approval" data-valid={a.valid} data-current={a.current} data-confirmed={a.confirmedAs !== null}>
      {/* An invalid entry proves nothing about its key: only what it claims is shown, never a confirmed name. */}
      {a.valid ? <KeyTrustLabel fingerprint={a.fingerprint} name={a.name} organisation={a.organisation} /> : <span>{`${a.name}, ${a.organisation}`}</span>}
      {`: ${t('approval.approvedAt', { when })}, `}
      <span className={a.valid ? undefined : 'field-error'}>{verdict}</span>
      {a.valid && a.confirmedAs === null && <span className="field-error">{`, ${t('approval.notCounted')}`}</span>}
      <details>
        <summary>{t('approval.details')}</summary>
        <p className="muted">
          {t('approval.hash', { hash: groupedHash(a.contentHash) })}
          <br />
          {t('approval.key', { fingerprint: a.fingerprint })}
          <br />
          {t(a.valid ? 'approval.valid' : 'approval.invalid')}
          {a.entryVersion === 1 && <><br />{t('approval.entryVersion1')}</>}
        </p>
      </details>
    </li>
  );
}
