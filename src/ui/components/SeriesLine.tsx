// Which meeting series (møderække) the referat belongs to, with a link to the previous meeting.
import type * as Y from 'yjs';
import { metaMap } from '../../core/referatDoc';
import { isReferatId } from '../../core/referatId';
import { shallowJsonEqual, useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';

export function SeriesLine(props: { doc: Y.Doc }) {
  const { t } = useI18n();
  const meta = metaMap(props.doc);
  const { name, previous } = useYValue(
    meta,
    () => {
      const n = meta.get('seriesName');
      const p = meta.get('previousId');
      return { name: typeof n === 'string' ? n : '', previous: typeof p === 'string' && isReferatId(p) ? p : '' };
    },
    shallowJsonEqual,
  );
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
