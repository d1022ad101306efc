// The `links` map: a referat's meeting series (møderække) when it was pulled into one after the fact, kept outside
// the signed content so linking never touches an approval (docs/FORMAT.md). `seriesOf` reads meta first, then links.
import type * as Y from 'yjs';
import { LINKS } from './docLayout';
import { metaMap } from './referatDoc';

export interface SeriesInfo {
  seriesId: string;
  seriesName: string;
}

const MAX_ID = 100;
const MAX_NAME = 500;

export function linksMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(LINKS);
}

/** The series stored in one map, or null when its `seriesId` is missing, empty, too long or not a string. */
function seriesIn(m: Y.Map<unknown>): SeriesInfo | null {
  const id = m.get('seriesId');
  const name = m.get('seriesName');
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID) return null;
  return { seriesId: id, seriesName: typeof name === 'string' ? name.slice(0, MAX_NAME) : '' };
}

/** The series a referat belongs to: its own (signed) meta first, else the link written when a later meeting joined it. */
export function seriesOf(doc: Y.Doc): SeriesInfo | null {
  return seriesIn(metaMap(doc)) ?? seriesIn(linksMap(doc));
}

/** Links the referat into a series outside its content; a no-op when it is in that series already. */
export function linkSeries(doc: Y.Doc, series: SeriesInfo): void {
  if (series.seriesId === '' || series.seriesId.length > MAX_ID) throw new RangeError('A series needs an id of 1–100 characters');
  const current = seriesOf(doc);
  if (current?.seriesId === series.seriesId && current.seriesName === series.seriesName) return;
  doc.transact(() => {
    const m = linksMap(doc);
    m.set('seriesId', series.seriesId);
    m.set('seriesName', series.seriesName.slice(0, MAX_NAME));
  });
}
