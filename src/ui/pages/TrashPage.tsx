// The trash: restore a referat, or delete it for good after a confirmation.
import { useState } from 'react';
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
        <ul className="trash-list">
          {entries.map((r) => (
            <li key={r.id}>
              <div>
                <strong>{name(r)}</strong> · {r.date ? formatDate(r.date) : t('library.noDate')}
                {r.trashedAt !== null && <span className="muted"> · {t('trash.trashedAt', { when: formatDateTime(r.trashedAt) })}</span>}
              </div>
              <div className="actions">
                <button type="button" onClick={() => void restoreFromTrash(db, r.id)}>{t('trash.restore', { title: name(r) })}</button>
                <button type="button" className="danger" onClick={() => setConfirming(r)}>{t('trash.delete', { title: name(r) })}</button>
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
