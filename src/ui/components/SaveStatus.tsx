// Shows whether the referat is on disk; when a write fails it says so and offers a copy to save elsewhere, and while
// changes are not on disk, leaving the referat or the page asks first (LeaveGuard).
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { ReferatSession } from '../../session/referatSession';
import type { SaveState } from '../../storage/docStore';
import { useI18n } from '../i18n/I18nContext';
import { LeaveGuard } from './LeaveGuard';

type Failed = Extract<SaveState, { kind: 'failed' }>;

/**
 * "Gemmer…"/"Gemt" flips on every keystroke, so that line is written straight into the DOM, at most once a frame:
 * a React commit reads the selection inside the focused editor, which walks the whole referat. React renders only failures.
 */
export function SaveStatus(props: { session: ReferatSession; onDownload: () => void }) {
  const { session } = props;
  const { t } = useI18n();
  const failed = useSyncExternalStore(
    (l) => session.onSaveState(l),
    (): Failed | null => {
      const state = session.saveState();
      return state.kind === 'failed' ? state : null;
    },
  );
  const line = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (failed) return;
    const show = () => {
      frame = null;
      const text = t(session.saveState().kind === 'saving' ? 'save.saving' : 'save.saved');
      if (line.current && line.current.textContent !== text) line.current.textContent = text;
    };
    // Once per frame at most: a save that finishes within the frame never shows "Gemmer…" at all.
    let frame: number | null = null;
    const schedule = () => {
      frame ??= requestAnimationFrame(show);
    };
    show();
    const stop = session.onSaveState(schedule);
    return () => {
      stop();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [failed, session, t]);
  const quota = failed?.error.name === 'QuotaExceededError';
  // Another tab upgraded or deleted the database: this tab's connection is closed, only a reload writes again.
  const versionChange = failed?.error.name === 'VersionError';
  return (
    <>
      {failed ? (
        <div role="alert" className="save-failed">
          <p>{versionChange ? t('nothingLost.versionChange') : t('save.failed', { reason: t(quota ? 'save.reason.quota' : 'save.reason.other') })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={props.onDownload}>{t('save.download')}</button>
            {versionChange ? (
              <button type="button" onClick={() => window.location.reload()}>{t('nothingLost.reload')}</button>
            ) : (
              <button type="button" onClick={() => session.retrySave()}>{t('save.retry')}</button>
            )}
          </div>
        </div>
      ) : (
        <p ref={line} className="save-status muted" aria-live="off" />
      )}
      {/* In the same place whether a write failed or not, so a question being asked survives a retry. */}
      <LeaveGuard session={session} onDownload={props.onDownload} />
    </>
  );
}
