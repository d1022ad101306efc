// The schema rule for a live peer's update: what it writes into `meta` (docs/FORMAT.md), above all meta.id and
// meta.formatVersion, which no peer may change.
import * as Y from 'yjs';
import { META } from '../core/docLayout';
import { FORMAT_VERSION } from '../core/formatVersion';
import { isValidMetaValue, REFERAT_STATUSES, type EditableMetaField } from '../core/meta';
import { docFormatVersion } from '../core/migrateDoc';
import { metaMap } from '../core/referatDoc';
import { keyItems } from '../core/yjsInternals';
import { mapEntryWrites, valuesOf, type ReceiverEntry } from './mapEntryWrites';
import { coversDeletion, mergeRanges, type UpdateOutline } from './updateOutline';

export interface MetaRefusal {
  /** `metaId`: meta.id changed; `formatVersion`: meta.formatVersion changed to one this app cannot open, or removed; `badMeta`: a meta field of the wrong type. */
  code: 'metaId' | 'formatVersion' | 'badMeta';
  detail: string;
}

const EDITABLE: readonly EditableMetaField[] = ['date', 'startTime', 'endTime', 'location'];
const PLAIN_STRINGS = new Set(['createdAt', 'template']);

function isTextItem(value: unknown): boolean {
  return value instanceof Y.Item && value.content instanceof Y.ContentType && value.content.type instanceof Y.Text;
}

function show(value: unknown): string {
  if (value instanceof Y.Item) return 'a shared type';
  return JSON.stringify(value)?.slice(0, 40) ?? String(value);
}

/** True when the update deletes the receiver's current (visible) entry of `meta[key]`. */
function deletesCurrent(doc: Y.Doc, update: UpdateOutline, key: string): boolean {
  const item = keyItems(metaMap(doc)).get(key);
  if (item === undefined || item.deleted) return false;
  const ranges = update.deletes.get(item.id.client);
  return ranges !== undefined && coversDeletion(mergeRanges(ranges), item.id.clock, 1);
}

/**
 * Null when every value `update` (what the receiver lacks, as an outline) writes into `meta` keeps the schema:
 * meta.id only ever the receiver's own id (or `expectedId` while the receiver has none), meta.formatVersion an
 * integer from the receiver's version up to the one this app writes (a peer's migration), `status`, the date and
 * times valid, `title` text. Removing meta.id or meta.formatVersion without writing a valid one is refused too.
 * `receiver`: the receiver's `meta` entries (receiverEntries), so an overwrite of an entry it holds is traced.
 */
export function metaWriteRefusal(doc: Y.Doc, update: UpdateOutline, receiver: readonly ReceiverEntry[], expectedId: string | null): MetaRefusal | null {
  const current = metaMap(doc).get('id');
  const id = typeof current === 'string' && current !== '' ? current : expectedId;
  const version = docFormatVersion(doc);
  const written = new Set<string>();
  for (const w of mapEntryWrites(update, receiver)) {
    if (w.parent !== META) continue;
    const values = valuesOf(w.item);
    if (values.length > 0) written.add(w.key);
    for (const value of values) {
      if (w.key === 'id') {
        if (typeof value !== 'string' || (id !== null && value !== id)) return { code: 'metaId', detail: `the update sets meta.id to ${show(value)}` };
      } else if (w.key === 'formatVersion') {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < version || value > FORMAT_VERSION) {
          return { code: 'formatVersion', detail: `the update sets meta.formatVersion to ${show(value)}` };
        }
      } else if (w.key === 'status') {
        if (!REFERAT_STATUSES.some((s) => s === value)) return { code: 'badMeta', detail: `the update sets meta.status to ${show(value)}` };
      } else if ((EDITABLE as readonly string[]).includes(w.key)) {
        if (typeof value !== 'string' || !isValidMetaValue(w.key as EditableMetaField, value)) return { code: 'badMeta', detail: `the update sets meta.${w.key} to ${show(value)}` };
      } else if (PLAIN_STRINGS.has(w.key)) {
        if (typeof value !== 'string') return { code: 'badMeta', detail: `the update sets meta.${w.key} to ${show(value)}` };
      } else if (w.key === 'title') {
        if (typeof value !== 'string' && !isTextItem(value)) return { code: 'badMeta', detail: `the update sets meta.title to ${show(value)}` };
      }
    }
  }
  // A map entry is removed by deleting its item; an honest overwrite deletes it too, and writes the new value.
  if (!written.has('id') && deletesCurrent(doc, update, 'id')) return { code: 'metaId', detail: 'the update removes meta.id' };
  if (!written.has('formatVersion') && deletesCurrent(doc, update, 'formatVersion')) return { code: 'formatVersion', detail: 'the update removes meta.formatVersion' };
  return null;
}
