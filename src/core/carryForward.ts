// Starts the next meeting in a series (møderække): links it to the previous referat and carries the
// previous meeting's open action items into its "Opfølgning fra sidste møde", each linked to its origin.
import * as Y from 'yjs';
import { actionItemElement } from './actionItemElement';
import { AGENDA_TITLE, PARAGRAPH } from './bodyNodes';
import { metaMap, bodyFragment } from './referatDoc';
import { findAgendaItem, readStructure, type ActionItemInfo } from './structure';
import { agendaItemElement } from './templateUpdate';
import { FOLLOW_UP_TITLE } from './templates';
import { readMeta } from './meta';

export interface SeriesInfo {
  seriesId: string;
  seriesName: string;
}

/** The series a referat belongs to; a referat not yet in one starts a series named after its title. */
export function seriesOf(doc: Y.Doc): SeriesInfo | null {
  const id = metaMap(doc).get('seriesId');
  const name = metaMap(doc).get('seriesName');
  return typeof id === 'string' && id !== '' ? { seriesId: id, seriesName: typeof name === 'string' ? name : '' } : null;
}

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
 * Links `next` into the series of `previous` (starting one if needed, written into both) and copies the open
 * action items into `next`. Returns how many items were carried.
 */
export function carryForward(previous: Y.Doc, previousId: string, next: Y.Doc, newId: () => string = () => globalThis.crypto.randomUUID()): number {
  const series = seriesOf(previous) ?? { seriesId: newId(), seriesName: readMeta(previous).title.trim() };
  joinSeries(previous, series, null);
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
