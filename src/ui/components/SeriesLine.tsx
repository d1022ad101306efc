// Which meeting series (møderække) the referat belongs to, with a link to the previous meeting. The series is the
// referat's own (meta) or, for a referat a later meeting joined, the one in its `links` map (core/seriesLinks.ts).
import type * as Y from 'yjs';
import { metaMap } from '../../core/referatDoc';
import { linksMap, seriesOf } from '../../core/seriesLinks';
import { isReferatId } from '../../core/referatId';
import { shallowJsonEqual, useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';

export function SeriesLine(props: { doc: Y.Doc }) {
  const { t } = useI18n();
  const meta = metaMap(props.doc);
  const read = () => {
    const p = meta.get('previousId');
    return { name: seriesOf(props.doc)?.seriesName ?? '', previous: typeof p === 'string' && isReferatId(p) ? p : '' };
  };
  // Both maps are watched; the second read is current whichever changed.
  useYValue(linksMap(props.doc), read, shallowJsonEqual);
  const { name, previous } = useYValue(meta, read, shallowJsonEqual);
  if (!name && !previous) return null;
  return (
    <p className="series-line">
      {name && <span>{t('series.label', { name })}</span>}
      {previous && (
        <>
          {' · '}
          <Link to={referatPath(previous)}>{t('series.previous')}</Link>
        </>
      )}
    </p>
  );
}
