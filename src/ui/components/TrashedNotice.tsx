// On the library, after "Flyt til papirkurv" on a referat's page: says it went to the trash, announced, with
// "Fortryd" (taking it out again) beside the sentence, and a link back to it once undone.
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { restoreFromTrash } from '../../session/trashMarks';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';
import { clearTrashed, peekTrashed } from '../trashedNotice';

export function TrashedNotice() {
  const { db } = useApp();
  const { t } = useI18n();
  const [trashed] = useState(peekTrashed);
  const [shown, setShown] = useState(false);
  const [state, setState] = useState<'trashed' | 'undone' | { failed: string }>('trashed');
  const box = useRef<HTMLDivElement>(null);
  // Shown after the first paint, so the live region is there, empty, before the sentence is put into it.
  useEffect(() => {
    clearTrashed();
    if (!trashed) return undefined;
    const frame = requestAnimationFrame(() => setShown(true));
    return () => cancelAnimationFrame(frame);
  }, [trashed]);
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (state === 'undone') box.current?.querySelector('a')?.focus();
  }, [state]);

  const undo = async (id: string) => {
    try {
      await restoreFromTrash(db, id);
      setState('undone');
    } catch (e) {
      setState({ failed: errorMessage(e) });
    }
  };

  return (
    <div role="status" aria-live="polite" className="trashed-notice-region">
      {trashed && shown && (
        <div ref={box} tabIndex={-1} className="note trashed-notice" data-testid="trashed-notice">
          {state === 'undone' ? (
            <p>
              {t('layout.trashUndone')}{' '}
              <Link to={referatPath(trashed.id)}>{t('layout.openAgain', { title: trashed.title })}</Link>
            </p>
          ) : (
            <p>
              {t('referat.trashed')}{' '}
              <button type="button" onClick={() => void undo(trashed.id)}>{t('layout.undoTrash')}</button>
            </p>
          )}
          {typeof state === 'object' && <p className="field-error">{t('layout.trashUndoFailed', { message: state.failed })}</p>}
        </div>
      )}
    </div>
  );
}
