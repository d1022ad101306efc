// The form that leaves one referat out of the aktindsigt package, with a reason from the list or in the clerk's words.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { exemptionProblem } from '../../core/caseExemption';
import { errorMessage } from '../../core/errorMessage';
import { LEAVE_OUT_REASONS } from '../../core/exemptionReasons';
import { useI18n } from '../i18n/I18nContext';
import { ReasonFields, type ReasonValue } from './ReasonFields';

export function LeaveOutForm(props: { title: string; onSubmit: (v: ReasonValue) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<ReasonValue>({ reason: '', note: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const form = useRef<HTMLFieldSetElement>(null);
  useEffect(() => form.current?.querySelector('select')?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // With nothing chosen, free text alone is a reason of its own ("other").
    const chosen = { reason: value.reason || (value.note.trim() ? 'other' : ''), note: value.note };
    const found = exemptionProblem({ kind: 'referat', ...chosen, segments: [] });
    setProblem(found);
    if (found) return;
    try {
      await props.onSubmit(chosen);
    } catch (err) {
      setFailed(errorMessage(err));
    }
  }

  return (
    <form className="case-form stack" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset ref={form}>
        <legend>{t('case.leaveOutLegend', { title: props.title })}</legend>
        <ReasonFields
          reasons={LEAVE_OUT_REASONS} allowOther value={value} onChange={setValue} problem={problem}
          reasonLabel="case.reason" noteLabel="case.note" noteHint="case.noteHint"
        />
      </fieldset>
      {failed && <p role="alert" className="field-error">{t('case.saveFailed', { detail: failed })}</p>}
      <div className="actions">
        <button type="submit" className="primary">{t('case.confirmLeaveOut')}</button>
        <button type="button" onClick={props.onCancel}>{t('case.cancel')}</button>
      </div>
    </form>
  );
}
