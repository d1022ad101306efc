// Starts the next meeting in a series (møderække): links it to the previous referat and carries the
// previous meeting's open action items into its "Opfølgning fra sidste møde", each linked to its origin.
// Nothing is written into the previous referat's signed content.
import * as Y from 'yjs';
import { actionItemElement } from './actionItemElement';
import { AGENDA_TITLE, PARAGRAPH } from './bodyNodes';
import { metaMap, bodyFragment } from './referatDoc';
import { findAgendaItem, readStructure, type ActionItemInfo } from './structure';
import { agendaItemElement } from './templateUpdate';
import { FOLLOW_UP_TITLE } from './templates';
import { readMeta } from './meta';
import { linkSeries, seriesOf, type SeriesInfo } from './seriesLinks';

export { seriesOf, type SeriesInfo } from './seriesLinks';

export function joinSeries(doc: Y.Doc, series: SeriesInfo, previousId: string | null): void {
  doc.transact(() => {
    const m = metaMap(doc);
    if (m.get('seriesId') !== series.seriesId) m.set('seriesId', series.seriesId);
    if (m.get('seriesName') !== series.seriesName) m.set('seriesName', series.seriesName);
    if (previousId !== null) m.set('previousId', previousId);
  });
}

/** The open action items of `previous`, as they will be carried forward. */
export function openActionItems(previous: Y.Doc): ActionItemInfo[] {
  return readStructure(previous).actionItems.filter((a) => !a.done && a.text.trim() !== '');
}

/**
 * Links `next` into the series of `previous` and copies the open action items into `next`. Returns how many items
 * were carried. `previous`'s content is never written (its approvals must keep holding): when it has no series yet,
 * the new one goes into its `links` map (core/seriesLinks.ts), outside the signed content.
 */
export function carryForward(previous: Y.Doc, previousId: string, next: Y.Doc, newId: () => string = () => globalThis.crypto.randomUUID()): number {
  const existing = seriesOf(previous);
  const series = existing ?? { seriesId: newId(), seriesName: readMeta(previous).title.trim() };
  if (existing === null) linkSeries(previous, series);
  joinSeries(next, series, previousId);
  const items = openActionItems(previous);
  if (items.length === 0) return 0;
  next.transact(() => {
    let target = findAgendaItem(next, (t) => t.trim().toLowerCase() === FOLLOW_UP_TITLE.toLowerCase());
    if (!target) {
      target = agendaItemElement(newId(), FOLLOW_UP_TITLE);
      bodyFragment(next).insert(0, [target]);
    }
    const elements = items.map((a) =>
      actionItemElement(
        { id: newId(), owner: a.owner, ownerOrganisation: a.ownerOrganisation, due: a.due, done: false, originDoc: previousId, originItem: a.id },
        a.text,
      ),
    );
    // After the title, before the item's empty paragraph (if that is all it holds), so nothing is lost.
    const children = target.toArray();
    const onlyEmpty = children.length === 2 && children[1] instanceof Y.XmlElement && children[1].nodeName === PARAGRAPH && children[1].length === 0;
    const titleIndex = children.findIndex((c) => c instanceof Y.XmlElement && c.nodeName === AGENDA_TITLE);
    if (onlyEmpty) target.delete(1, 1);
    target.insert(titleIndex + 1, elements);
  });
  return items.length;
}
