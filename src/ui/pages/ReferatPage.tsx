// One referat, document first: the meeting details and title in a compact header, the minutes text right below,
// and participants, sharing, copies, approvals, export and history in a side panel. Loaded on demand, with the editor.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { FORMAT_VERSION } from '../../core/formatVersion';
import { docFormatVersion } from '../../core/migrateDoc';
import { readMeta } from '../../core/meta';
import { isLongText, previewLines } from '../../core/longText';
import { metaMap } from '../../core/referatDoc';
import { moveToTrash, restoreFromTrash } from '../../session/libraryActions';
import { trashRow } from '../../session/libraryQueries';
import type { ReferatSession } from '../../session/referatSession';
import { ApprovalsPanel } from '../components/ApprovalsPanel';
import { CopiesPanel } from '../components/CopiesPanel';
import { ExportMenu } from '../components/ExportMenu';
import { LivePanel } from '../components/LivePanel';
import { RelayStatus } from '../components/RelayStatus';
import { MetaForm } from '../components/MetaForm';
import type { MinutesEditorHandle } from '../components/MinutesEditor';
import { MinutesPreview } from '../components/MinutesPreview';
import { ParticipantsEditor } from '../components/ParticipantsEditor';
import { EditorErrorBoundary } from '../components/EditorErrorBoundary';
import { UnseenChanges } from '../components/UnseenChanges';
import { ReadOnlyBody } from '../components/ReadOnlyBody';
import { ReopenPanel } from '../components/ReopenPanel';
import { SaveStatus } from '../components/SaveStatus';
import { SeriesLine } from '../components/SeriesLine';
import { SidePanel } from '../components/SidePanel';
import { StatusBadge } from '../components/StatusBadge';
import { VersionsPanel } from '../components/VersionsPanel';
import { safeFileName } from '../../core/safeFileName';
import { downloadFile, referatCopyHtml } from '../downloadCopy';
import { afterNextPaint } from '../afterNextPaint';
import { useApp } from '../hooks/AppContext';
import { useRelay } from '../hooks/useRelay';
import { useLiveSession } from '../hooks/useLiveSession';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useReferatSession } from '../hooks/useReferatSession';
import { useTrustState } from '../hooks/useTrustState';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { PrintSummary } from '../components/PrintSummary';
import { useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';
import { navigate } from '../router/useRoute';
import { onDemand } from '../onDemand';
import { requestTitleFocus, takeTitleFocus } from '../titleFocusRequest';
import { todayIsoDate } from '../todayIsoDate';
import { noteTrashed } from '../trashedNotice';
import { NotFoundPage } from './NotFoundPage';

// The editor (Tiptap, ProseMirror, the Yjs binding) is its own chunk, fetched as soon as this page's code runs, so
// the page, and a long referat's preview, are painted without waiting for it.
const minutesEditor = onDemand(() => import('../components/MinutesEditor'));
void minutesEditor.load();

export function ReferatPage(props: { id: string }) {
  const { db } = useApp();
  const { t, formatDateTime } = useI18n();
  const state = useReferatSession(db, props.id);
  if (state.kind === 'loading') {
    const saved = state.preview;
    return (
      <main id="main" className="page referat">
        <p role="status">{t('referat.loading')}</p>
        {saved && (
          <>
            <div className="page-head"><h1>{saved.title.trim() || t('library.untitled')}</h1></div>
            <section className="minutes" aria-label={t('editor.label')}>
              <MinutesPreview lines={saved.lines} status={t('referat.savedPreview', { time: formatDateTime(saved.savedAt) })} testId="saved-preview" />
            </section>
          </>
        )}
      </main>
    );
  }
  if (state.kind === 'notFound') return <NotFoundPage title={t('notFound.title')} body={t('notFound.body')} />;
  if (state.kind === 'error') {
    return <main id="main" className="page"><p role="alert">{t('error.generic', { message: state.error.message })}</p></main>;
  }
  return <OpenReferat session={state.session} />;
}

type EditorModule = Awaited<ReturnType<typeof minutesEditor.load>>;

/** The editor once its chunk is there; `fallback` (the preview) until then. */
function OnDemandEditor(props: { fallback: ReactNode; children: (editor: EditorModule['MinutesEditor']) => ReactNode }) {
  const loaded = minutesEditor.useLoaded();
  return <>{loaded ? props.children(loaded.MinutesEditor) : props.fallback}</>;
}

/** False until the page has been painted once, for a long referat; true at once for the rest. */
function useDeferredForLongText(session: ReferatSession): boolean {
  const [long] = useState(() => isLongText(session.doc));
  const [ready, setReady] = useState(!long);
  // After the next paint: the preview is on screen before the editor's long task starts.
  useEffect(() => (ready ? undefined : afterNextPaint(() => setReady(true))), [ready]);
  return ready;
}

function OpenReferat(props: { session: ReferatSession }) {
  const { session } = props;
  const { db, profile } = useApp();
  const { t, lang } = useI18n();
  const title = useYValue(metaMap(session.doc), () => readMeta(session.doc).title);
  useDocumentTitle(t('print.documentTitle', { title: title.trim() || t('library.untitled') }));
  const trashed = useLiveQuery(() => trashRow(db, session.id), [db, session.id]);
  const editorRef = useRef<MinutesEditorHandle | null>(null);
  const onEditorReady = useCallback((h: MinutesEditorHandle | null) => { editorRef.current = h; }, []);
  const [notice, setNotice] = useState<string | null>(null);
  // Focus in Titel when this referat was just created ("Nyt referat", "Næste møde").
  const [focusTitle] = useState(() => takeTitleFocus(session.id));
  const textSection = useRef<HTMLElement>(null);
  /** Puts focus in the editable text (Tab from Titel, "Spring til teksten"); false when there is none yet. */
  const focusText = useCallback((): boolean => {
    const text = textSection.current?.querySelector<HTMLElement>('[contenteditable="true"]');
    if (!text) return false;
    text.focus();
    return true;
  }, []);
  const version = useYValue(metaMap(session.doc), () => docFormatVersion(session.doc));
  const readOnly = version > FORMAT_VERSION;
  const waiting = version === 0;
  // An approved referat is locked: its content changes only after a deliberate, recorded "Genåbn referatet".
  const trust = useTrustState(session);
  const locked = trust?.locked === true;
  const live = useLiveSession(db, session);
  const relay = useRelay(db, session, live.live);
  const editorMounted = useDeferredForLongText(session);
  const lines = useMemo(() => previewLines(session.doc), [session.doc]);
  const preview = <MinutesPreview lines={lines} status={t('editor.preparing')} testId="minutes-preview" />;

  // Edits are recorded as this device's key's once it is loaded.
  const { local, load: loadLocal } = useLocalIdentity({ now: true });
  const author = local?.me.fingerprint;
  useEffect(() => {
    if (author) session.setAuthor(author);
  }, [author, session]);

  const nextMeeting = async () => {
    try {
      const [{ createNextMeeting }, { me }] = await Promise.all([import('../../session/createNextMeeting'), loadLocal()]);
      const next = await createNextMeeting(db, session, profile, { date: todayIsoDate(), authorFingerprint: me.fingerprint });
      requestTitleFocus(next.id);
      navigate(referatPath(next.id));
    } catch (e) {
      setNotice(t('error.generic', { message: errorMessage(e) }));
    }
  };

  // The referat leaves the screen with the move: the library says where it went and offers "Fortryd".
  const trash = async () => {
    try {
      await moveToTrash(db, session.id);
      noteTrashed({ id: session.id, title: title.trim() || t('library.untitled') });
      navigate('/');
    } catch (e) {
      setNotice(t('error.generic', { message: errorMessage(e) }));
    }
  };

  const download = () => {
    const html = referatCopyHtml(session.doc, editorRef.current?.getHTML() ?? '', lang);
    downloadFile(`${safeFileName(title)}.html`, html, 'text/html;charset=utf-8');
  };

  const participants = <ParticipantsEditor doc={session.doc} readOnly={readOnly || locked} profile={profile} />;
  const copies = <CopiesPanel session={session} />;
  const approvals = <ApprovalsPanel session={session} readOnly={readOnly} trust={trust} />;
  const history = <VersionsPanel session={session} readOnly={readOnly} locked={locked} trust={trust} />;

  return (
    <main id="main" className="page referat">
      {!waiting && (
        <a className="skip-link" href="#referat-text" onClick={(e) => { if (focusText()) e.preventDefault(); }}>
          {t('layout.skipToText')}
        </a>
      )}
      <div className="referat-layout">
        <div className="referat-doc">
          <div className="page-head referat-head">
            <h1 className="referat-h1 visually-hidden">{title.trim() || t('library.untitled')}</h1>
            <SaveStatus session={session} onDownload={download} />
          </div>
          {!waiting && <PrintSummary doc={session.doc} trust={trust} part="head" />}
          {readOnly && <p role="note" className="warning">{t('referat.newerFormat')}</p>}
          {trashed && (
            <div className="warning" role="note">
              <p>{t('referat.inTrash')}</p>
              <button type="button" onClick={() => void restoreFromTrash(db, session.id)}>{t('referat.restore')}</button>
            </div>
          )}
          <div role="status" aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
          {!waiting && <UnseenChanges session={session} own={local === null ? undefined : local.me.fingerprint} trust={trust} />}
          {waiting ? (
            <p role="status" className="notice">{t('live.waiting')}</p>
          ) : (
            <>
              <SeriesLine doc={session.doc} />
              <ReopenPanel session={session} locked={locked} canEdit={!readOnly && !trashed} />
              <MetaForm
                doc={session.doc}
                readOnly={readOnly || locked}
                focusTitle={focusTitle}
                onTabFromTitle={focusText}
                titleAside={<StatusBadge state={trust} />}
              />
              <section id="referat-text" ref={textSection} className="minutes" aria-label={t('editor.label')}>
                {readOnly ? (
                  <ReadOnlyBody doc={session.doc} />
                ) : !editorMounted ? (
                  preview
                ) : (
                  <EditorErrorBoundary failedText={(message) => t('editor.failed', { message })} fallback={<ReadOnlyBody doc={session.doc} />}>
                    <OnDemandEditor fallback={preview}>
                      {(MinutesEditor) => (
                        <MinutesEditor
                          doc={session.doc}
                          readOnly={readOnly || locked}
                          onReady={onEditorReady}
                          authorship={{ session, trust }}
                          describedBy="referat-editor-help"
                          live={live.live ? { awareness: live.live.awareness, user: live.live.user } : undefined}
                        />
                      )}
                    </OnDemandEditor>
                  </EditorErrorBoundary>
                )}
              </section>
              <PrintSummary doc={session.doc} trust={trust} part="end" />
              {!readOnly && <p id="referat-editor-help" className="hint muted editor-help">{t('layout.editorHelp')}</p>}
            </>
          )}
        </div>
        <SidePanel
          sections={{
            participants: waiting ? undefined : participants,
            sharing: <><LivePanel control={live} readOnly={readOnly || waiting} relay={relay.status} /><RelayStatus status={relay.status} /></>,
            copies: waiting ? undefined : copies,
            approvals: waiting ? undefined : approvals,
            export: <ExportMenu doc={session.doc} trust={trust} />,
            history: waiting ? undefined : history,
          }}
        />
      </div>
      <div className="page-foot actions">
        <Link to="/">{t('referat.backToLibrary')}</Link>
        {!waiting && !readOnly && (
          <button type="button" onClick={() => void nextMeeting()}>{t('series.next')}</button>
        )}
        {!trashed && (
          <button type="button" className="danger" onClick={() => void trash()}>
            {t('referat.trash')}
          </button>
        )}
      </div>
    </main>
  );
}

export default ReferatPage;
