// Opens an invitation link: drops the secret from the address at once, shows what the invitation is and what
// joining would share with whom, and stores the room only when the user chooses "Deltag". Nothing changes before.
// The series notice beside the live panel (SeriesNotices) leads here too, with the series' invitation and another id.
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { isExpired, parseInvitation } from '../../session/invite';
import { joinPreview, type JoinPreview } from '../../session/joinPreview';
import { InvitationExpiredError, joinRoom } from '../../session/joinRoom';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';

/** Shows the referat, replacing /join in the history so Back does not return to the question. */
function openReferat(docId: string): void {
  window.history.replaceState(null, '', referatPath(docId) + window.location.search);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function JoinPage() {
  const { db } = useApp();
  const { t, formatDateTime } = useI18n();
  // The invitation stays in memory only.
  const [parsed, setParsed] = useState(() => parseInvitation(window.location.hash));
  const [preview, setPreview] = useState<JoinPreview | null>(null);
  const [phase, setPhase] = useState<'asking' | 'joining' | 'cancelled'>('asking');
  const [error, setError] = useState<string | null>(null);
  const cancelledRef = useRef<HTMLParagraphElement | null>(null);

  // The buttons are gone once the invitation is declined: keyboard focus goes to what the page says instead.
  useEffect(() => {
    if (phase === 'cancelled') cancelledRef.current?.focus();
  }, [phase]);

  // The room secret must not stay in this tab's address or history: drop the fragment as soon as it is read. A
  // link opened while this page shows (only the fragment changes) is read afresh.
  useEffect(() => {
    const drop = () => {
      if (window.location.hash) window.history.replaceState(null, '', `/join${window.location.search}`);
    };
    const onHashChange = () => {
      if (!window.location.hash) return;
      const next = parseInvitation(window.location.hash);
      drop();
      setParsed(next);
      setPreview(null);
      setPhase('asking');
      setError(null);
    };
    drop();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const expired = parsed.ok && isExpired(parsed.invitation);

  useEffect(() => {
    if (!parsed.ok || expired) return;
    let live = true;
    joinPreview(db, parsed.invitation).then(
      (p) => {
        if (!live) return;
        // Already in exactly this room: joining changes nothing, so there is nothing to ask.
        if (p.room === 'same') openReferat(p.invitation.docId);
        else setPreview(p);
      },
      (e: unknown) => live && setError(t('error.generic', { message: errorMessage(e) })),
    );
    return () => {
      live = false;
    };
  }, [db, parsed, expired, t]);

  if (!parsed.ok) {
    return (
      <main id="main" className="page narrow">
        <h1>{t('join.title')}</h1>
        <p role="alert" className="field-error">{t(parsed.reason === 'missing' ? 'liveTrust.join.missing' : 'liveTrust.join.invalid')}</p>
        <p><Link to="/">{t('referat.backToLibrary')}</Link></p>
      </main>
    );
  }

  if (expired && parsed.invitation.expiresAt !== null) {
    return (
      <main id="main" className="page narrow">
        <h1>{t('join.title')}</h1>
        <p role="alert" className="field-error" data-testid="join-expired">{t('liveRoom.join.expired', { when: formatDateTime(parsed.invitation.expiresAt) })}</p>
        <p><Link to="/">{t('referat.backToLibrary')}</Link></p>
      </main>
    );
  }

  const accept = () => {
    setPhase('joining');
    setError(null);
    joinRoom(db, parsed.invitation).then(
      () => openReferat(parsed.invitation.docId),
      (e: unknown) => {
        setPhase('asking');
        setError(
          e instanceof InvitationExpiredError
            ? t('liveRoom.join.expired', { when: formatDateTime(e.expiresAt) })
            : t('liveTrust.join.failed', { message: errorMessage(e) }),
        );
      },
    );
  };

  return (
    <main id="main" className="page narrow">
      <h1>{t('liveTrust.join.heading')}</h1>
      {error && <p role="alert" className="field-error">{error}</p>}
      {phase === 'cancelled' ? (
        <>
          <p role="status" tabIndex={-1} ref={cancelledRef}>{t('liveTrust.join.cancelled')}</p>
          <p><Link to="/">{t('referat.backToLibrary')}</Link></p>
        </>
      ) : !preview ? (
        !error && <p role="status">{t('liveTrust.join.reading')}</p>
      ) : (
        <JoinQuestion preview={preview} busy={phase === 'joining'} onAccept={accept} onCancel={() => setPhase('cancelled')} />
      )}
    </main>
  );
}

function JoinQuestion(props: { preview: JoinPreview; busy: boolean; onAccept: () => void; onCancel: () => void }) {
  const { preview, busy } = props;
  const { t, formatDate, formatDateTime } = useI18n();
  const { expiresAt } = preview.invitation;
  const { referat } = preview;
  return (
    <section aria-labelledby="join-what" data-testid="join-question">
      <p id="join-what">
        {preview.exists ? t(referat ? 'liveTrust.join.known' : 'liveTrust.join.knownNoIndex') : t('liveTrust.join.unknown')}
      </p>
      <dl className="join-details">
        {referat && (
          <>
            <dt>{t('liveTrust.join.titleLabel')}</dt>
            <dd>{referat.title.trim() || t('library.untitled')}</dd>
            <dt>{t('liveTrust.join.date')}</dt>
            <dd>{referat.date ? formatDate(referat.date) : t('liveTrust.join.none')}</dd>
            <dt>{t('liveTrust.join.parties')}</dt>
            <dd>{referat.parties.length > 0 ? referat.parties.join(', ') : t('liveTrust.join.none')}</dd>
          </>
        )}
        <dt>{t('liveTrust.join.id')}</dt>
        <dd><code>{preview.invitation.docId}</code></dd>
      </dl>
      {expiresAt !== null && <p data-testid="join-expires">{t('liveRoom.join.expires', { when: formatDateTime(expiresAt) })}</p>}
      {preview.room === 'other' && <p role="note" className="warning">{t('liveTrust.join.otherRoom')}</p>}
      {preview.seriesHeld > 0 && (
        <p data-testid="join-series">
          {preview.seriesHeld === 1 ? t('series.join.sameSeriesOne') : t('series.join.sameSeriesMany', { count: preview.seriesHeld })}
        </p>
      )}
      <p className={preview.exists ? 'warning' : undefined} role={preview.exists ? 'note' : undefined}>
        {t(preview.exists ? 'liveTrust.join.knownShare' : 'liveTrust.join.unknownShare')}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onAccept} disabled={busy}>{t('liveTrust.join.accept')}</button>
        <button type="button" onClick={props.onCancel} disabled={busy}>{t('liveTrust.join.cancel')}</button>
      </div>
    </section>
  );
}
