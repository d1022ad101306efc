// Sets or removes a link on the selection; refuses anything but http, https and mailto with a message.
import type { Editor } from '@tiptap/react';
import { useId, useState, type FormEvent } from 'react';
import { normaliseLinkUrl } from '../../core/safeLinkUrl';
import { useI18n } from '../i18n/I18nContext';

export function LinkForm(props: { editor: Editor; onClose: () => void }) {
  const { editor, onClose } = props;
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [invalid, setInvalid] = useState(false);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const href = normaliseLinkUrl(url);
    if (!href) {
      setInvalid(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  };

  return (
    <form className="link-form" onSubmit={apply} noValidate>
      <label htmlFor={`${id}-url`}>{t('editor.linkUrl')}</label>
      <input
        id={`${id}-url`}
        type="url"
        value={url}
        // oxlint-disable-next-line jsx-a11y/no-autofocus -- the user just asked for this field
        autoFocus
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-err` : undefined}
        onChange={(e) => {
          setUrl(e.target.value);
          setInvalid(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            editor.commands.focus();
          }
        }}
      />
      <button type="submit" className="primary">{t('editor.linkApply')}</button>
      <button type="button" onClick={() => { editor.chain().focus().extendMarkRange('link').unsetLink().run(); onClose(); }}>
        {t('editor.linkRemove')}
      </button>
      <button type="button" onClick={() => { onClose(); editor.commands.focus(); }}>{t('editor.linkCancel')}</button>
      {invalid && <p id={`${id}-err`} role="alert" className="field-error">{t('editor.linkInvalid')}</p>}
    </form>
  );
}
