// The meeting details of an open referat, read from and written to its Y.Doc: a compact row of date, times and
// place, then the title, large, right above the text (Tab from it goes straight to the text, see ReferatPage).
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { isValidMetaValue, readMeta, setMetaField, setTitle, type EditableMetaField } from '../../core/meta';
import { metaMap } from '../../core/referatDoc';
import { useYValue, shallowJsonEqual } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messagesDa';

const FIELDS: Array<{ field: EditableMetaField; type: string; label: MessageKey }> = [
  { field: 'date', type: 'date', label: 'referat.date' },
  { field: 'startTime', type: 'time', label: 'referat.startTime' },
  { field: 'endTime', type: 'time', label: 'referat.endTime' },
  { field: 'location', type: 'text', label: 'referat.location' },
];

export function MetaForm(props: {
  doc: Y.Doc;
  readOnly: boolean;
  /** Put focus in Titel (its text selected) once shown: a referat just created. */
  focusTitle?: boolean;
  /** Tab in Titel: true when it moved focus on (to the text), so the browser's own Tab is skipped. */
  onTabFromTitle?: () => boolean;
  /** Shown beside the title: the status badge. */
  titleAside?: ReactNode;
}) {
  const { doc, readOnly, focusTitle, onTabFromTitle } = props;
  const { t } = useI18n();
  const id = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusTitle) return;
    titleInput.current?.focus();
    titleInput.current?.select();
  }, [focusTitle]);
  const onTitleKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    if (onTabFromTitle?.()) e.preventDefault();
  };
  const meta = useYValue(metaMap(doc), () => readMeta(doc), shallowJsonEqual);
  const [invalid, setInvalid] = useState<EditableMetaField | null>(null);

  const change = (field: EditableMetaField, value: string) => {
    if (!isValidMetaValue(field, value)) {
      setInvalid(field);
      return;
    }
    setInvalid(null);
    setMetaField(doc, field, value);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="meta-form">
      <h2 id={`${id}-h`} className="visually-hidden">{t('referat.details')}</h2>
      <div className="meta-row">
        {FIELDS.map(({ field, type, label }) => (
          <div className={`field meta-${field}`} key={field}>
            <label htmlFor={`${id}-${field}`}>{t(label)}</label>
            <input
              id={`${id}-${field}`}
              type={type}
              value={meta[field]}
              maxLength={type === 'text' ? 500 : undefined}
              readOnly={readOnly}
              aria-invalid={invalid === field ? true : undefined}
              aria-describedby={invalid === field ? `${id}-${field}-err` : undefined}
              onChange={(e) => change(field, e.target.value)}
            />
            {invalid === field && <p id={`${id}-${field}-err`} className="field-error">{t('referat.invalidValue')}</p>}
          </div>
        ))}
      </div>
      <div className="field title-field">
        <label htmlFor={`${id}-title`}>{t('referat.title')}</label>
        <div className="title-line">
          <input
            id={`${id}-title`}
            ref={titleInput}
            className="title-input"
            value={meta.title}
            maxLength={500}
            readOnly={readOnly}
            onChange={(e) => setTitle(doc, e.target.value)}
            onKeyDown={onTitleKey}
          />
          {props.titleAside}
        </div>
      </div>
    </section>
  );
}
