// The approvals (godkendelser) of an open referat: who approved which version, whether each signature holds, and approving.
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { knownApprovalSignature } from '../../core/approvalSignature';
import { approvalState, verifyApprovals, type ApprovalState } from '../../core/approvalStatus';
import { readSignedApprovals, type SignedApproval } from '../../core/approvals';
import type { PendingApproval } from '../../session/approveReferat';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';

interface View {
  entries: SignedApproval[];
  state: ApprovalState;
}

function readView(doc: Y.Doc): View {
  return { entries: readSignedApprovals(doc), state: approvalState(doc, (a) => knownApprovalSignature(a.members) === true) };
}

/** What the panel shows of a view; equal keys render the same, so typing does not re-render (and re-lay out) the page. */
function viewKey(view: View): string {
  const entries = view.entries.map(({ members, ...shown }) => ({ ...shown, valid: knownApprovalSignature(members) }));
  return JSON.stringify({ entries, state: view.state });
}

function changedView(prev: View, next: View): View {
  return viewKey(prev) === viewKey(next) ? prev : next;
}

/** Hex in groups of four; `short` keeps the first 16 digits, enough to compare by eye. */
function groupedHash(hash: string, short = false): string {
  const digits = short ? hash.slice(0, 16) : hash;
  return `${(digits.match(/.{1,4}/g) ?? []).join(' ')}${short ? ' …' : ''}`;
}

/** The approvals as they stand, re-read shortly after each change and again once new signatures are checked. */
function useApprovalView(session: ReferatSession): View {
  const { doc } = session;
  const [view, setView] = useState(() => readView(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setView((prev) => changedView(prev, readView(doc)));
      }, 300);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  useEffect(() => {
    if (view.entries.every((a) => knownApprovalSignature(a.members) !== undefined)) return;
    let cancelled = false;
    void verifyApprovals(doc).then(() => {
      if (cancelled) return;
      setView((prev) => changedView(prev, readView(doc)));
      // The library index counts only verified approvals, so it may say more now.
      void session.reindex().catch(() => undefined);
    });
    return () => { cancelled = true; };
  }, [doc, session, view]);
  return view;
}

export function ApprovalsPanel(props: { session: ReferatSession; readOnly: boolean }) {
  const { session, readOnly } = props;
  const { db, profile } = useApp();
  const { t } = useI18n();
  const id = useId();
  const { entries, state } = useApprovalView(session);
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

  const mineIsCurrent = entries.some(
    (a) => a.fingerprint === me && a.contentHash === state.currentHash && knownApprovalSignature(a.members) === true,
  );

  return (
    <section className="approvals-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('approval.title')}</h2>
      <p className="muted">{t('approval.intro')}</p>
      <div role="status" aria-live="polite" data-testid="approval-status">
        <p>
          {t('approval.status', { status: t(`status.${state.status}`) })}
          {state.organisations.length === 0
            ? ` ${t('approval.noOrganisations')}`
            : entries.length > 0 && state.missing.length > 0 && ` ${t('approval.missing', { organisations: state.missing.join(', ') })}`}
        </p>
      </div>
      {entries.length === 0 ? (
        <p>{t('approval.none')}</p>
      ) : (
        <>
          <p className="muted">{t('approval.currentHash', { hash: groupedHash(state.currentHash, true) })}</p>
          <ul aria-label={t('approval.listLabel')} className="approvals">
            {entries.map((a, i) => <ApprovalItem key={`${a.id}-${i}`} approval={a} currentHash={state.currentHash} />)}
          </ul>
        </>
      )}
      {!readOnly && (
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

function ApprovalItem(props: { approval: SignedApproval; currentHash: string }) {
  const { approval: a, currentHash } = props;
  const { t, formatDateTime } = useI18n();
  const valid = knownApprovalSignature(a.members);
  const time = Date.parse(a.approvedAt);
  const when = t('approval.approvedAt', { when: Number.isNaN(time) ? a.approvedAt : formatDateTime(time) });
  const hash = t('approval.hash', { hash: groupedHash(a.contentHash, true) });
  const signature = t(valid === undefined ? 'approval.checking' : valid ? 'approval.valid' : 'approval.invalid');
  const version = t(a.contentHash === currentHash ? 'approval.current' : 'approval.earlier');
  return (
    <li data-testid="approval" className="approval">
      <strong>{t('approval.signer', { name: a.name, organisation: a.organisation, kind: t(`profile.kind.${a.organisationKind}`) })}</strong>
      {`: ${when}, ${hash}, `}
      <span className={valid === false ? 'field-error' : undefined}>{signature}</span>
      {`, ${version}. `}
      <span className="muted">{t('approval.key', { fingerprint: a.fingerprint })}</span>
    </li>
  );
}
