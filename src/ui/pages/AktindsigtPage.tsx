// Aktindsigt: choose referater by party, period, text and status, work through the matching referater as a list
// (leave one out, or review its text and exempt passages, each with a reason), and build the package as a
// streamed ZIP with a progress bar and a cancel button.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { REFERAT_STATUSES, type ReferatStatus } from '../../core/meta';
import type { PackageSelection } from '../../export/packageSelection';
import { EMPTY_SELECTION } from '../../export/packageSelection';
import { ExemptionChangedError } from '../../export/exemptionChangedError';
import { aktindsigtMatches } from '../../session/aktindsigtMatches';
import { buildLibraryPackage, packageFileName } from '../../session/buildAktindsigtPackage';
import { caseExemptions, includeAgain, leaveOut } from '../../session/caseExemptions';
import type { IndexedReferat } from '../../storage/libraryDatabase';
import { CaseList, reviewButtonId } from '../components/CaseList';
import { ExemptionReview } from '../components/ExemptionReview';
import { useApp } from '../hooks/AppContext';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';
import { openZipSaveTarget } from '../zipSaveTarget';

const DEBOUNCE_MS = 150;

type Phase =
  | { kind: 'idle' }
  | { kind: 'building'; done: number; total: number; bytes: number }
  | { kind: 'done'; count: number; bytes: number; name: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; detail: string };

export function AktindsigtPage() {
  const { db } = useApp();
  const { load: loadLocal } = useLocalIdentity();
  const { t, lang, formatBytes } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<PackageSelection>(EMPTY_SELECTION);
  const [selection, setSelection] = useState<PackageSelection>(EMPTY_SELECTION);
  const [includeHistory, setIncludeHistory] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [reviewing, setReviewing] = useState<IndexedReferat | null>(null);
  const controller = useRef<AbortController | null>(null);
  const exemptions = useLiveQuery(() => caseExemptions(db), [db]) ?? [];

  useEffect(() => {
    const timer = setTimeout(() => setSelection(draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => () => controller.current?.abort(), []);

  const badPeriod = selection.from !== '' && selection.to !== '' && selection.from > selection.to;
  // The result names the selection it was made for: while a new query runs, the last result is still returned,
  // and a package must never be built from the matches of an earlier filter.
  const query = useLiveQuery(
    async () => ({ for: selection, rows: badPeriod ? [] : await aktindsigtMatches(db, selection) }),
    [db, selection, badPeriod],
  );
  const matches = query?.for === selection ? query.rows : undefined;
  const settled = matches !== undefined && selection === draft;
  const count = matches?.length ?? 0;
  const leftOutIds = new Set(exemptions.filter((e) => e.kind === 'referat').map((e) => e.docId));
  const leftOutCount = matches?.filter((r) => leftOutIds.has(r.id)).length ?? 0;
  const building = phase.kind === 'building';

  const set = (patch: Partial<PackageSelection>) => setDraft((d) => ({ ...d, ...patch }));

  async function build() {
    if (!matches || matches.length === 0) return;
    // Every match: the session leaves out those the clerk left out, and names them in LÆSMIG.txt and the journal.
    const ids = matches.map((r) => r.id);
    const name = packageFileName();
    // First, while the click still counts as the user's gesture (the save dialog needs one).
    const target = await openZipSaveTarget(name, ids.length - leftOutCount);
    if (!target) return;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'building', done: 0, total: ids.length, bytes: 0 });
    try {
      const local = await loadLocal();
      const result = await buildLibraryPackage({
        db, ids, selection, includeHistory, lang, local, sink: target.sink, signal: abort.signal,
        onProgress: (p) => setPhase({ kind: 'building', ...p }),
      });
      await target.finish();
      setPhase({ kind: 'done', count: result.rows.length, bytes: result.bytes, name });
    } catch (e) {
      await target.abort().catch(() => undefined);
      if (abort.signal.aborted) setPhase({ kind: 'cancelled' });
      else if (e instanceof ExemptionChangedError) setPhase({ kind: 'failed', detail: t('case.changedError', { title: e.title.trim() || t('library.untitled') }) });
      else setPhase({ kind: 'failed', detail: errorMessage(e) });
    } finally {
      controller.current = null;
    }
  }

  let summary = t('package.counting');
  if (badPeriod) summary = t('package.badPeriod');
  else if (settled) summary = count === 0 ? t('package.countNone') : count === 1 ? t('package.countOne') : t('package.count', { count });
  if (settled && leftOutCount > 0) summary += ` ${leftOutCount === 1 ? t('case.leftOutCountOne') : t('case.leftOutCount', { count: leftOutCount })}`;

  const closeReview = () => {
    const reviewed = reviewing?.id;
    setReviewing(null);
    // Back where the clerk was: the review button of the referat just reviewed.
    if (reviewed) requestAnimationFrame(() => document.getElementById(reviewButtonId(reviewed))?.focus());
  };

  if (reviewing) {
    return (
      <main id="main" className="page">
        <h1>{t('package.title')}</h1>
        <ExemptionReview db={db} docId={reviewing.id} title={reviewing.title.trim() || t('library.untitled')} onClose={closeReview} />
      </main>
    );
  }

  return (
    <main id="main" className="page narrow">
      <h1>{t('package.title')}</h1>
      <p>{t('package.intro')}</p>
      <div className="stack">
        <fieldset className="search-filters" disabled={building}>
          <legend>{t('package.filters')}</legend>
          <div className="field">
            <label htmlFor={`${id}-party`}>{t('package.party')}</label>
            <input id={`${id}-party`} value={draft.party} maxLength={200} onChange={(e) => set({ party: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('package.from')}</label>
            <input id={`${id}-from`} type="date" value={draft.from} aria-invalid={badPeriod || undefined} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('package.to')}</label>
            <input id={`${id}-to`} type="date" value={draft.to} aria-invalid={badPeriod || undefined} onChange={(e) => set({ to: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('package.text')}</label>
            <input id={`${id}-text`} type="search" value={draft.text} maxLength={500} onChange={(e) => set({ text: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('package.status')}</label>
            <select id={`${id}-status`} value={draft.status} onChange={(e) => set({ status: e.target.value as ReferatStatus | 'any' })}>
              <option value="any">{t('package.anyStatus')}</option>
              {REFERAT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          </div>
        </fieldset>
        <p role="status" className="search-summary" data-testid="package-count">{summary}</p>
        {settled && matches.length > 0 && (
          <CaseList
            matches={matches}
            exemptions={exemptions}
            disabled={building}
            onReview={setReviewing}
            onLeaveOut={(r, v) => leaveOut(db, r.id, v.reason, v.note)}
            onInclude={(r) => includeAgain(db, r.id)}
          />
        )}
      </div>
      {/* The build is a form of its own: the list holds forms (leaving a referat out), and forms do not nest. */}
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void build(); }}>
        <fieldset className="field" disabled={building}>
          <legend>{t('package.history')}</legend>
          <label className="radio">
            <input type="radio" name={`${id}-history`} checked={!includeHistory} aria-describedby={`${id}-history-hint`} onChange={() => setIncludeHistory(false)} />
            {t('package.historyCurrent')}
          </label>
          <p id={`${id}-history-hint`} className="muted hint">{t('package.historyCurrentHint')}</p>
          <label className="radio">
            <input type="radio" name={`${id}-history`} checked={includeHistory} onChange={() => setIncludeHistory(true)} />
            {t('package.historyFull')}
          </label>
        </fieldset>
        <p className="muted">{t('package.leftOut')}</p>
        <div className="actions">
          <button type="submit" className="primary" disabled={building || !settled || count === 0 || count === leftOutCount || badPeriod}>{t('package.build')}</button>
          {building && <button type="button" onClick={() => controller.current?.abort()}>{t('package.cancel')}</button>}
        </div>
      </form>
      {building && <progress max={phase.total} value={phase.done} aria-label={t('package.progressLabel')} />}
      <p role="status" data-testid="package-status">
        {phase.kind === 'building' && t('package.progress', { done: phase.done, total: phase.total, size: formatBytes(phase.bytes) })}
        {phase.kind === 'done' && t(phase.count === 1 ? 'package.doneOne' : 'package.done', { count: phase.count, size: formatBytes(phase.bytes), name: phase.name })}
        {phase.kind === 'cancelled' && t('package.cancelled')}
      </p>
      {phase.kind === 'failed' && <p role="alert" className="field-error">{t('package.failed', { detail: phase.detail })}</p>}
    </main>
  );
}

export default AktindsigtPage;
