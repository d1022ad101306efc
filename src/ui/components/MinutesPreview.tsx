// The first lines of a long referat's text, painted while its editor is built; read from the document, never a cache.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { bodyText } from '../../core/bodyText';
import { useI18n } from '../i18n/I18nContext';

/** About two screens of text: the editor replaces it within a second. */
const PREVIEW_LINES = 60;

export function MinutesPreview(props: { doc: Y.Doc }) {
  const { t } = useI18n();
  const lines = useMemo(() => bodyText(props.doc, PREVIEW_LINES).split('\n'), [props.doc]);
  return (
    <div className="minutes-text minutes-preview" aria-busy="true" aria-label={t('editor.label')} data-testid="minutes-preview">
      {lines.map((line, i) => (
        // Lines have no identity of their own; the index is their key.
        // oxlint-disable-next-line react/no-array-index-key
        <p key={i}>{line}</p>
      ))}
      <p role="status" className="muted">{t('editor.preparing')}</p>
    </div>
  );
}
