// Beside the live panel: referater of the series that another device announces and this one does not hold, typically
// the next meeting. The text is the announcer's, marked unproven unless it proved its key; the button only opens the
// usual invitation question (JoinPage) for that referat, with the series' invitation. Nothing is stored from here.
import { useId, useSyncExternalStore } from 'react';
import { invitationFragment, type Invitation } from '../../session/invite';
import type { SeriesLobby, SeriesNotice } from '../../session/seriesLobby';
import { useI18n } from '../i18n/I18nContext';
import { navigate } from '../router/useRoute';
import '../styles/series.css';

const NONE: SeriesNotice[] = [];

export function SeriesNotices(props: { lobby: SeriesLobby; invitation: Invitation }) {
  const { lobby, invitation } = props;
  const { t, formatDate } = useI18n();
  const id = useId();
  const notices = useSyncExternalStore((l) => lobby.onChange(l), () => lobby.notices() ?? NONE);
  if (notices.length === 0) return null;
  const open = (docId: string) => navigate(`/join#${invitationFragment({ ...invitation, docId })}`);
  return (
    <div className="series-notices" role="group" aria-label={t('series.notices.label')} data-testid="series-notices">
      <ul>
        {notices.map((n) => {
          const title = n.title || t('series.notice.untitled');
          const who = n.by.proven
            ? t('liveTrust.peer', { name: n.by.name, organisation: n.by.organisation })
            : t('series.notice.unproven', { name: n.by.name, organisation: n.by.organisation });
          const key = n.next ? (n.date ? 'series.notice.next' : 'series.notice.nextNoDate') : n.date ? 'series.notice.other' : 'series.notice.otherNoDate';
          return (
            <li key={n.docId} data-testid="series-notice" data-doc={n.docId} data-proven={n.by.proven}>
              <p role="status">{t(key, { title, date: n.date ? formatDate(n.date) : '', who })}</p>
              <button type="button" onClick={() => open(n.docId)} aria-describedby={`${id}-help`}>{t('series.notice.open', { title })}</button>
            </li>
          );
        })}
      </ul>
      <p className="muted" id={`${id}-help`}>{t('series.notice.help')}</p>
    </div>
  );
}
