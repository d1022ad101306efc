// Reviewing one referat for aktindsigt: its text read-only, where the clerk marks a passage (by selecting it, or by
// typing it) and exempts it with a legal reason; exempt passages are shown marked and listed, each removable, and a
// passage whose text has changed since is named so it can be marked again. The referat itself is never changed.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { bodyTextNodes, plainText } from '../../core/bodyTextNodes';
import { exemptionProblem, reasonRef, type CaseExemption } from '../../core/caseExemption';
import { errorMessage } from '../../core/errorMessage';
import { anchorSegment, resolveSegment } from '../../core/exemptionAnchor';
import { PASSAGE_REASONS } from '../../core/exemptionReasons';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { exemptPassage, referatExemptions, removeExemption } from '../../session/caseExemptions';
import { useReviewedReferat } from '../hooks/useReviewedReferat';
import { useI18n } from '../i18n/I18nContext';
import { selectedPassage, type PendingPassage } from '../reviewSelection';
import { ReasonFields, type ReasonValue } from './ReasonFields';
import { ReviewText, type ReviewMark } from './ReviewText';
import '../styles/caseWork.css';

/** Where each exemption is now in the document, or that its text changed. */
function placed(doc: Y.Doc, exemptions: readonly CaseExemption[]) {
  const marks = new Map<Y.XmlText, ReviewMark[]>();
  const changed = new Set<string>();
  for (const e of exemptions) {
    const found = e.segments.map((s) => resolveSegment(doc, s));
    if (found.some((f) => f === null)) {
      changed.add(e.id);
      continue;
    }
    for (const f of found) if (f) marks.set(f.text, [...(marks.get(f.text) ?? []), { from: f.from, to: f.to, refs: reasonRef(e) }]);
  }
  return { marks, changed };
}

function Review(props: { db: LibraryDatabase; docId: string; doc: Y.Doc }) {
  const { t } = useI18n();
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const texts = useMemo(() => bodyTextNodes(props.doc), [props.doc]);
  const exemptions = useLiveQuery(() => referatExemptions(props.db, props.docId), [props.db, props.docId]) ?? [];
  const { marks, changed } = placed(props.doc, exemptions);
  const [pending, setPending] = useState<PendingPassage | null>(null);
  const [find, setFind] = useState('');
  const [findProblem, setFindProblem] = useState(false);
  const [value, setValue] = useState<ReasonValue>({ reason: '', note: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [failed, setFailed] = useState<string | null>(null);

  // The selection is read as it changes: pressing the button may move focus, and the passage must be the one marked.
  useEffect(() => {
    const onChange = () => {
      const el = root.current;
      if (!el) return;
      const passage = selectedPassage(el, document.getSelection(), texts);
      if (passage) setPending(passage);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [texts]);

  function findText() {
    const wanted = find.trim();
    setFindProblem(false);
    if (wanted === '') return;
    for (const text of texts) {
      const plain = plainText(text);
      const taken = marks.get(text) ?? [];
      for (let at = plain.indexOf(wanted); at >= 0; at = plain.indexOf(wanted, at + 1)) {
        if (taken.some((m) => m.from <= at && at < m.to)) continue;
        setPending({ segments: [anchorSegment(text, at, at + wanted.length)], preview: wanted });
        return;
      }
    }
    setFindProblem(true);
  }

  async function exempt(e: FormEvent) {
    e.preventDefault();
    const found = exemptionProblem({ kind: 'passage', ...value, segments: pending?.segments ?? [] });
    setProblem(found);
    if (found || !pending) return;
    try {
      const made = await exemptPassage(props.db, props.docId, pending.segments, value.reason, value.note);
      setSaid(t('case.exemptDone', { ref: reasonRef(made) }));
      setPending(null);
      setFind('');
      setValue({ reason: '', note: '' });
      setFailed(null);
      document.getSelection()?.removeAllRanges();
    } catch (err) {
      setFailed(errorMessage(err));
    }
  }

  return (
    <div className="review-layout">
      <div ref={root} className="review-text minutes-text" role="textbox" aria-readonly="true" aria-multiline="true" aria-label={t('case.textLabel')} tabIndex={0} data-testid="review-text">
        <ReviewText doc={props.doc} texts={texts} marks={marks} />
      </div>
      <div className="review-side stack">
        <form className="case-form stack" onSubmit={(e) => void exempt(e)} noValidate>
          <p className="review-pending" data-testid="review-pending">{pending ? t('case.selection', { text: pending.preview }) : t('case.noSelection')}</p>
          {problem === 'passage' && <p className="field-error">{t('case.invalid.passage')}</p>}
          <div className="field">
            <label htmlFor={`${id}-find`}>{t('case.findLabel')}</label>
            <div className="review-find">
              <input id={`${id}-find`} value={find} maxLength={20_000} aria-describedby={`${id}-find-hint`} aria-invalid={findProblem || undefined} onChange={(e) => setFind(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); findText(); } }} />
              <button type="button" onClick={findText}>{t('case.find')}</button>
            </div>
            <p id={`${id}-find-hint`} className="muted hint">{t('case.findHint')}</p>
            {findProblem && <p className="field-error" role="alert">{t('case.notFound')}</p>}
          </div>
          <ReasonFields reasons={PASSAGE_REASONS} allowOther={false} value={value} onChange={setValue} problem={problem} reasonLabel="case.exemptReason" noteLabel="case.exemptNote" />
          {failed && <p role="alert" className="field-error">{t('case.saveFailed', { detail: failed })}</p>}
          <div className="actions">
            <button type="submit" className="primary">{t('case.exempt')}</button>
          </div>
        </form>
        <p role="status" className="notice">{said}</p>
        <section aria-labelledby={`${id}-list`}>
          <h3 id={`${id}-list`}>{t('case.exemptionsHeading')}</h3>
          {exemptions.length === 0 ? <p className="muted">{t('case.noExemptions')}</p> : (
            <ol className="exemption-list">
              {exemptions.map((e) => (
                <li key={e.id} data-testid="exemption">
                  <p className="exemption-ref"><strong>{reasonRef(e)}</strong>{e.note && ` – ${e.note}`}</p>
                  <p className="exemption-quote">»{e.segments.map((s) => s.quote).join(' … ')}«</p>
                  {changed.has(e.id) && <p className="field-error">{t('case.changed')}</p>}
                  <button type="button" onClick={() => void removeExemption(props.db, e.id).then(() => setSaid(t('case.removed')))}>{t('case.remove')}</button>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}

export function ExemptionReview(props: { db: LibraryDatabase; docId: string; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const state = useReviewedReferat(props.docId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="exemption-review" aria-labelledby="review-heading">
      <div className="review-head">
        <h2 id="review-heading" ref={heading} tabIndex={-1}>{t('case.reviewHeading', { title: props.title })}</h2>
        <button type="button" onClick={props.onClose}>{t('case.back')}</button>
      </div>
      <p className="muted hint">{t('case.reviewIntro')}</p>
      {state.kind === 'loading' && <p role="status">{t('case.loading')}</p>}
      {state.kind === 'missing' && <p role="alert">{t('case.missing')}</p>}
      {state.kind === 'failed' && <p role="alert" className="field-error">{state.detail}</p>}
      {state.kind === 'open' && <Review db={props.db} docId={props.docId} doc={state.doc} />}
    </section>
  );
}
