// The referater an aktindsigt selection matched, as a list to work through: date, title, parties, status, whether
// each is in the package (or left out, and why) and how many passages are exempt; leave out, include, review.
import { useState } from 'react';
import type { CaseExemption } from '../../core/caseExemption';
import { exemptionReason, LEAVE_OUT_REASONS } from '../../core/exemptionReasons';
import type { IndexedReferat } from '../../storage/libraryDatabase';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messagesDa';
import { LeaveOutForm } from './LeaveOutForm';
import type { ReasonValue } from './ReasonFields';
import '../styles/caseWork.css';

export const reviewButtonId = (docId: string) => `case-review-${docId}`;

/** How many are shown at first and added per "Vis flere": a selection can match thousands. */
const PAGE = 100;

export function CaseList(props: {
  matches: readonly IndexedReferat[];
  exemptions: readonly CaseExemption[];
  disabled: boolean;
  onReview: (r: IndexedReferat) => void;
  onLeaveOut: (r: IndexedReferat, v: ReasonValue) => Promise<void>;
  onInclude: (r: IndexedReferat) => Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const [leaving, setLeaving] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [shown, setShown] = useState(PAGE);

  const leftOut = new Map(props.exemptions.filter((e) => e.kind === 'referat').map((e) => [e.docId, e]));
  const passages = new Map<string, number>();
  for (const e of props.exemptions) if (e.kind === 'passage') passages.set(e.docId, (passages.get(e.docId) ?? 0) + 1);
  const reasonWords = (e: CaseExemption) => {
    const listed = exemptionReason(LEAVE_OUT_REASONS, e.reason);
    const head = listed ? t(`case.reason.${listed.code}` as MessageKey) : '';
    return [head, e.note].filter(Boolean).join(': ');
  };

  return (
    <section className="case-list" aria-labelledby="case-list-heading">
      <h2 id="case-list-heading">{t('case.listHeading')}</h2>
      <p className="muted hint">{t('case.listHint')}</p>
      <ul className="case-items">
        {props.matches.slice(0, shown).map((r) => {
          const title = r.title.trim() || t('library.untitled');
          const out = leftOut.get(r.id);
          const count = passages.get(r.id) ?? 0;
          const headingId = `case-title-${r.id}`;
          return (
            <li key={r.id} className={out ? 'case-item left-out' : 'case-item'} data-testid="case-item">
              <h3 id={headingId} className="case-title">{title}</h3>
              <p className="case-meta">
                <span>{r.date ? formatDate(r.date) : t('library.noDate')}</span>
                <span>{r.parties.length > 0 ? t('case.parties', { parties: r.parties.join(', ') }) : t('case.noParties')}</span>
                <span className="status-badge" data-status={r.status}>{t(`status.${r.status}`)}</span>
              </p>
              <p className="case-state">
                <strong>{out ? t('case.leftOutState', { reason: reasonWords(out) }) : t('case.included')}</strong>
                {!out && count > 0 && ` · ${count === 1 ? t('case.passagesOne') : t('case.passages', { count })}`}
              </p>
              {leaving === r.id ? (
                <LeaveOutForm
                  title={title}
                  onCancel={() => setLeaving(null)}
                  onSubmit={async (v) => {
                    await props.onLeaveOut(r, v);
                    setLeaving(null);
                    setSaid(t('case.leftOutDone', { title }));
                  }}
                />
              ) : (
                <div className="actions">
                  <button type="button" id={reviewButtonId(r.id)} aria-describedby={headingId} disabled={props.disabled || Boolean(out)} onClick={() => props.onReview(r)}>
                    {t('case.review')}
                  </button>
                  {out ? (
                    <button type="button" aria-describedby={headingId} disabled={props.disabled} onClick={() => void props.onInclude(r).then(() => setSaid(t('case.includedDone', { title })))}>
                      {t('case.includeAgain')}
                    </button>
                  ) : (
                    <button type="button" aria-describedby={headingId} disabled={props.disabled} onClick={() => setLeaving(r.id)}>{t('case.leaveOut')}</button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {props.matches.length > shown && (
        <div className="actions more">
          <p className="muted">{t('case.showing', { shown, total: props.matches.length })}</p>
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('case.showMore')}</button>
        </div>
      )}
      <p role="status" className="visually-hidden">{said}</p>
    </section>
  );
}
