// Opens an invitation link: remembers the room for this referat, then shows it; the content comes from the peers.
import { useEffect, useState } from 'react';
import { parseInvitation } from '../../session/invite';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { referatPath } from '../router/route';
import { NotFoundPage } from './NotFoundPage';

export function JoinPage() {
  const { db } = useApp();
  const { t } = useI18n();
  const [parsed] = useState(() => parseInvitation(window.location.hash));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!parsed.ok) return;
    const { invitation } = parsed;
    void db.liveRooms
      .put({ ...invitation, createdAt: Date.now() })
      .then(() => {
        // Replace the URL so the secret does not stay in this tab's history.
        window.history.replaceState(null, '', referatPath(invitation.docId) + window.location.search);
        window.dispatchEvent(new PopStateEvent('popstate'));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [db, parsed]);

  if (!parsed.ok) return <NotFoundPage title={t('join.title')} body={t('join.invalid')} />;
  return (
    <main id="main" className="page narrow">
      <h1>{t('join.title')}</h1>
      <p role="status">{t('join.joining')}</p>
      {error && <p role="alert" className="field-error">{t('error.generic', { message: error })}</p>}
    </main>
  );
}
