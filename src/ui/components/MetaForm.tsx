// The meeting details of an open referat, read from and written to its Y.Doc.
import { useId, useState } from 'react';
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

export function MetaForm(props: { doc: Y.Doc; readOnly: boolean }) {
  const { doc, readOnly } = props;
  const { t } = useI18n();
  const id = useId();
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
      <h2 id={`${id}-h`}>{t('referat.details')}</h2>
      <div className="field wide">
        <label htmlFor={`${id}-title`}>{t('referat.title')}</label>
        <input
          id={`${id}-title`}
          value={meta.title}
          maxLength={500}
          readOnly={readOnly}
          onChange={(e) => setTitle(doc, e.target.value)}
        />
      </div>
      <div className="field-row">
        {FIELDS.map(({ field, type, label }) => (
          <div className="field" key={field}>
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
    </section>
  );
}
