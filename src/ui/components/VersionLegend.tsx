// The legend of a version comparison: every author who changed something, in their organisation's colour, with how
// much each changed (core/versionDiff.ts: tallyByAuthor); unverified authors and unknown ones are said to be so.
import type { CSSProperties } from 'react';
import type { AuthorTally } from '../../core/versionDiff';
import type { VersionsAuthors } from '../hooks/useVersionsAuthors';
import { useI18n } from '../i18n/I18nContext';

export function VersionLegend(props: { tallies: readonly AuthorTally[]; authors: VersionsAuthors }) {
  const { t } = useI18n();
  const { tallies, authors } = props;
  if (tallies.length === 0) return null;
  const amounts = (x: AuthorTally) =>
    [
      x.inserted > 0 && t('versions.tallyInserted', { count: x.inserted }),
      x.deleted > 0 && t('versions.tallyDeleted', { count: x.deleted }),
      x.blocksInserted > 0 && t('versions.tallyBlocksInserted', { count: x.blocksInserted }),
      x.blocksDeleted > 0 && t('versions.tallyBlocksDeleted', { count: x.blocksDeleted }),
      x.fieldsChanged === 1 && t('versions.tallyField'),
      x.fieldsChanged > 1 && t('versions.tallyFields', { count: x.fieldsChanged }),
    ].filter((s): s is string => typeof s === 'string');
  return (
    <>
      <h4>{t('versions.legendTitle')}</h4>
      <ul className="version-legend" aria-label={t('versions.legendLabel')}>
        {tallies.map((x) => {
          const a = authors.author(x.by);
          return (
            <li key={x.by} style={{ '--author-color': a.color } as CSSProperties} data-state={a.state}>
              <span className="version-swatch" aria-hidden="true" />
              <span className="version-legend-who">{authors.who(x.by)}</span>: {amounts(x).join(', ')}
            </li>
          );
        })}
      </ul>
    </>
  );
}
