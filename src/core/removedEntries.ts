// Approvals and participants someone removed: kept in the history (gc off), so every copy can show them.
import type * as Y from 'yjs';
import { deletionAuthor, type ClientOwner } from './deletionAuthor';
import { approvalsArray, participantsArray } from './referatDoc';
import type { RemovedEntry } from './trustState';
import { historicMapEntries, lastValue } from './yHistory';
import { typeItem } from './yjsInternals';

const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 200) : '');

export function removedEntries(doc: Y.Doc, owner: ClientOwner): RemovedEntry[] {
  const out: RemovedEntry[] = [];
  const collect = <T,>(kind: RemovedEntry['kind'], array: Y.Array<T>) => {
    for (const { map, deleted } of historicMapEntries(array)) {
      if (!deleted || typeof lastValue(map, 'id') !== 'string') continue;
      const item = typeItem(map);
      out.push({
        kind,
        name: text(lastValue(map, 'name')),
        organisation: text(lastValue(map, 'organisation')),
        removedBy: item ? deletionAuthor(doc, item.id, owner) : null,
      });
    }
  };
  collect('approval', approvalsArray(doc));
  collect('participant', participantsArray(doc) as Y.Array<unknown>);
  return out;
}
