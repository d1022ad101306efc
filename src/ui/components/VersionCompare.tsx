// The changes between two versions of a referat: which two, a legend of who changed how much, and the text with its
// insertions and deletions marked (VersionBody). A version this copy does not fully hold is said so, with no diff.
import { useEffect, useId, useMemo, useRef } from 'react';
import { tallyByAuthor } from '../../core/versionDiff';
import type { VersionEntry } from '../hooks/useVersions';
import type { VersionsAuthors } from '../hooks/useVersionsAuthors';
import type { VersionNodes } from '../hooks/useVersionsCompare';
import { useI18n } from '../i18n/I18nContext';
import { VersionBody } from './VersionBody';
import { VersionLegend } from './VersionLegend';

export function VersionCompare(props: {
  from: VersionEntry;
  to: VersionEntry;
  nodes: VersionNodes | null;
  authors: VersionsAuthors;
  versionName: (v: VersionEntry) => string;
  onClose: () => void;
}) {
  const { from, to, nodes, authors, versionName, onClose } = props;
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const tallies = useMemo(() => (nodes ? tallyByAuthor(nodes) : []), [nodes]);
  // The comparison appears below the list: focus moves to it, so keyboard and screen reader users land on it.
  useEffect(() => heading.current?.focus(), []);
  const missing = !from.covered ? from : !to.covered ? to : null;
  return (
    <section className="version-compare" aria-labelledby={`${id}-h`} data-testid="version-compare">
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>{t('versions.diffTitle', { from: versionName(from), to: versionName(to) })}</h3>
      {nodes === null ? (
        <p role="note" className="warning">{t('versions.notHeld', { name: versionName(missing ?? from) })}</p>
      ) : (
        <>
          <p className="muted">{t('versions.diffNote')}</p>
          <VersionLegend tallies={tallies} authors={authors} />
          {tallies.length === 0 && <p>{t('versions.noChanges')}</p>}
          <VersionBody nodes={nodes} author={authors.author} who={authors.who} label={t('versions.diffTextLabel')} testId="version-diff-text" />
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>{t('versions.close')}</button>
      </div>
    </section>
  );
}
