// The reason of a case-work decision: a provision chosen from the short list (and, to leave a referat out, "other"),
// and the clerk's own words; with the problem shown beside the field it concerns.
import { useId } from 'react';
import { OTHER_REASON, type ExemptionReason } from '../../core/exemptionReasons';
import { MAX_EXEMPTION_NOTE } from '../../core/caseExemption';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messagesDa';

export interface ReasonValue {
  reason: string;
  note: string;
}

export function ReasonFields(props: {
  reasons: readonly ExemptionReason[];
  allowOther: boolean;
  value: ReasonValue;
  onChange: (v: ReasonValue) => void;
  reasonLabel: MessageKey;
  noteLabel: MessageKey;
  noteHint?: MessageKey;
  /** The problem to show: `reason` beside the list, `note`/`noteLength` beside the text. */
  problem: string | null;
}) {
  const { t } = useI18n();
  const id = useId();
  const { value, problem } = props;
  const reasonError = problem === 'reason';
  const noteError = problem === 'note' || problem === 'noteLength';
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t(props.reasonLabel)}</label>
        <select
          id={`${id}-reason`}
          value={value.reason}
          aria-invalid={reasonError || undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
          onChange={(e) => props.onChange({ ...value, reason: e.target.value })}
        >
          <option value="">{t('case.reasonChoose')}</option>
          {props.reasons.map((r) => <option key={r.code} value={r.code}>{t(`case.reason.${r.code}` as MessageKey)}</option>)}
          {props.allowOther && <option value={OTHER_REASON}>{t('case.reason.other')}</option>}
        </select>
        {reasonError && <p id={`${id}-reason-error`} className="field-error">{t('case.invalid.reason')}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t(props.noteLabel)}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={MAX_EXEMPTION_NOTE + 100}
          value={value.note}
          aria-invalid={noteError || undefined}
          aria-describedby={[props.noteHint ? `${id}-note-hint` : '', noteError ? `${id}-note-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => props.onChange({ ...value, note: e.target.value })}
        />
        {props.noteHint && <p id={`${id}-note-hint`} className="muted hint">{t(props.noteHint)}</p>}
        {noteError && <p id={`${id}-note-error`} className="field-error">{t(problem === 'note' ? 'case.invalid.note' : 'case.invalid.noteLength')}</p>}
      </div>
    </>
  );
}
