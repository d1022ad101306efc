// One version opened read-only: labelled as a version, not the current text, with "Gendan denne version" behind a
// confirmation when the referat may be changed here.
import { useEffect, useId, useRef, useState } from 'react';
import type { VersionEntry } from '../hooks/useVersions';
import type { VersionsAuthors } from '../hooks/useVersionsAuthors';
import type { VersionNodes } from '../hooks/useVersionsCompare';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { VersionBody } from './VersionBody';

export function VersionView(props: {
  version: VersionEntry;
  nodes: VersionNodes | null;
  authors: VersionsAuthors;
  versionName: (v: VersionEntry) => string;
  /** Offered only when the referat can be changed here (not read-only, not locked) and the version is held. */
  canRestore: boolean;
  onRestore: () => void;
  onClose: () => void;
}) {
  const { version, nodes, authors, versionName, canRestore, onRestore, onClose } = props;
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [asking, setAsking] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const name = versionName(version);
  return (
    <section className="version-view" aria-labelledby={`${id}-h`} data-testid="version-view">
      <p className="version-view-kind" aria-hidden="true">{t('versions.viewLabel')}</p>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>{t('versions.viewTitle', { name })}</h3>
      {nodes === null ? (
        <p role="note" className="warning">{t('versions.notHeld', { name })}</p>
      ) : (
        <>
          <p role="note" className="note">{version.kind === 'current' ? t('versions.viewCurrentNote') : t('versions.viewNote', { name })}</p>
          <VersionBody nodes={nodes} author={authors.author} who={authors.who} label={t('versions.textLabel', { name })} testId="version-text" />
        </>
      )}
      <div className="actions">
        {canRestore && nodes !== null && version.kind !== 'current' && (
          <button type="button" onClick={() => setAsking(true)}>{t('versions.restore')}</button>
        )}
        <button type="button" onClick={onClose}>{t('versions.close')}</button>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('versions.restoreTitle')}
          confirmLabel={t('versions.restoreConfirm')}
          tone="primary"
          cancelLabel={t('versions.cancel')}
          onConfirm={() => { setAsking(false); onRestore(); }}
          onCancel={() => setAsking(false)}
        >
          <p>{t('versions.restoreWhat', { name })}</p>
          <p>{t('versions.restoreOnlyText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
