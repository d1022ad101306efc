// Approving the open referat: prepare what would be signed, let the user confirm it, then sign, saying what happened.
import { useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { groupedHash } from '../../core/groupedHash';
import type { PendingApproval } from '../../session/approveReferat';
import type { ReferatSession } from '../../session/referatSession';
import { useI18n } from '../i18n/I18nContext';
import { useApp } from './AppContext';

export interface ApprovalState {
  /** What the user is asked to confirm, or null. */
  pending: PendingApproval | null;
  busy: boolean;
  /** Said once the approval is signed. */
  message: string | null;
  error: string | null;
  /** Prepares the approval and asks for confirmation. */
  start(): Promise<void>;
  /** Signs what the user confirmed; refused when the content changed meanwhile. */
  confirm(): Promise<void>;
  cancel(): void;
}

export function useApproval(session: ReferatSession): ApprovalState {
  const { db, profile } = useApp();
  const { t } = useI18n();
  const [pending, setPending] = useState<PendingApproval | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (e: unknown) => setError(t('approval.failed', { message: errorMessage(e) }));

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

  return { pending, busy, message, error, start, confirm, cancel: () => setPending(null) };
}
