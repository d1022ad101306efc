// The minutes text of a referat made by a newer version, shown as plain text without binding an editor:
// an editor whose schema lacks a node would delete that node from the shared document.
import type * as Y from 'yjs';
import { bodyText } from '../../core/bodyText';
import { bodyFragment } from '../../core/referatDoc';
import { useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';

export function ReadOnlyBody(props: { doc: Y.Doc }) {
  const { t } = useI18n();
  const text = useYValue(bodyFragment(props.doc), () => bodyText(props.doc));
  return (
    <div className="minutes-text" role="textbox" aria-readonly="true" aria-multiline="true" aria-label={t('editor.label')} tabIndex={0}>
      {text.split('\n').map((line, i) => (
        // Lines have no identity of their own; the index is their key.
        // oxlint-disable-next-line react/no-array-index-key
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}
