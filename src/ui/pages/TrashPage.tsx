// The trash: restore a referat, or delete it for good after a confirmation. Each row's buttons are named short
// ("Gendan", "Slet for altid") and described by the row's title, so a screen reader hears both without repetition.
import { useId, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { deleteForever, restoreFromTrash } from '../../session/libraryActions';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useApp } from '../hooks/AppContext';
import type { ListedReferat } from '../../session/libraryQueries';
import { useLibraryEntries } from '../hooks/useLibraryEntries';
import { useI18n } from '../i18n/I18nContext';

export function TrashPage() {
  const { db } = useApp();
  const { t, formatDate, formatDateTime } = useI18n();
  const entries = useLibraryEntries(db, 'trash');
  const id = useId();
  const [confirming, setConfirming] = useState<ListedReferat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = (r: ListedReferat) => r.title.trim() || t('library.untitled');

  const remove = async (r: ListedReferat) => {
    setConfirming(null);
    try {
      await deleteForever(db, r.id);
    } catch (e) {
      setError(t('error.generic', { message: errorMessage(e) }));
    }
  };

  return (
    <main id="main" className="page">
      <h1>{t('trash.title')}</h1>
      <p className="muted">{t('trash.intro')}</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      {entries && entries.length === 0 && <p className="empty">{t('trash.empty')}</p>}
      {entries && entries.length > 0 && (
        <ul className="trash-list" aria-label={t('trash.title')}>
          {entries.map((r) => (
            // Each row's buttons have short names ("Gendan"); the row's title, read as their description, tells them apart.
            <li key={r.id} aria-labelledby={`${id}-${r.id}`}>
              <div id={`${id}-${r.id}`}>
                <strong>{name(r)}</strong> · {r.date ? formatDate(r.date) : t('library.noDate')}
                {r.trashedAt !== null && <span className="muted"> · {t('trash.trashedAt', { when: formatDateTime(r.trashedAt) })}</span>}
              </div>
              <div className="actions">
                <button type="button" aria-describedby={`${id}-${r.id}`} onClick={() => void restoreFromTrash(db, r.id)}>{t('words.trash.restore')}</button>
                <button type="button" aria-describedby={`${id}-${r.id}`} className="danger" onClick={() => setConfirming(r)}>{t('words.trash.delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('trash.confirmTitle')}
          confirmLabel={t('trash.confirmDelete')}
          cancelLabel={t('trash.cancel')}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('trash.confirmBody', { title: name(confirming) })}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
