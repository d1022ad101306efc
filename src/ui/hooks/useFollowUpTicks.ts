// Ticking items off on Opfølgning: each tick shows at once, is written into its referat, and is said when written;
// items ticked here stay in the list until the filters change, so a tick can be undone.
import { useRef, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { FollowUpItemRow } from '../../core/followUpRows';
import { PENDING_TICK_MS, updateTick, type PendingTick } from '../../core/followUpTicks';
import { referatIndexedAt } from '../../session/libraryQueries';
import { useI18n } from '../i18n/I18nContext';
import { useApp } from './AppContext';
import { useLocalIdentity } from './useLocalIdentity';

export interface FollowUpTicks {
  /** What the user just ticked, shown at once while it is written, until the index row changes. */
  pending: ReadonlyMap<string, PendingTick>;
  /** Rows ticked on the page since the filters last changed. */
  touched: ReadonlySet<string>;
  error: string | null;
  /** Said (politely) once a tick is written into the referat. */
  notice: string;
  toggle(row: FollowUpItemRow, done: boolean): Promise<void>;
  /** Lets ticked rows fall out of the list again (when the filters change). */
  forgetTouched(): void;
}

export function useFollowUpTicks(): FollowUpTicks {
  const { db } = useApp();
  const { t } = useI18n();
  const { load: loadLocal } = useLocalIdentity();
  const ticks = useRef(0);
  const [pending, setPending] = useState<ReadonlyMap<string, PendingTick>>(new Map());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const toggle = async (r: FollowUpItemRow, done: boolean) => {
    setError(null);
    setNotice('');
    const what = r.item.text.trim() || t('followUp.untitled');
    const tick = ++ticks.current;
    setPending((p) => new Map(p).set(r.key, { done, writtenAt: null, tick }));
    setTouched((s) => new Set(s).add(r.key));
    const forget = () => setPending((p) => updateTick(p, r.key, tick, null));
    try {
      const [{ setActionItemDoneIn }, fingerprint] = await Promise.all([
        import('../../session/setActionItemDoneIn'),
        loadLocal().then((l) => l.me.fingerprint, () => undefined),
      ]);
      const found = await setActionItemDoneIn(db, r.docId, r.item.id, done, fingerprint ? { authorFingerprint: fingerprint } : {});
      if (!found) {
        forget();
        setError(t('followUp.gone'));
      } else {
        const writtenAt = await referatIndexedAt(db, r.docId);
        setPending((p) => updateTick(p, r.key, tick, { done, writtenAt, tick }));
        setNotice(t(done ? 'followUp.markedDone' : 'followUp.markedOpen', { what }));
        setTimeout(forget, PENDING_TICK_MS);
      }
    } catch (e) {
      forget();
      setError(t('followUp.failed', { message: errorMessage(e) }));
    }
  };

  return { pending, touched, error, notice, toggle, forgetTouched: () => setTouched(new Set()) };
}
