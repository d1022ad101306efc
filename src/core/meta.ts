// The meeting details in a referat's `meta` map: reading them safely and changing them with validation.
import { simpleDiffString } from 'lib0/diff';
import * as Y from 'yjs';
import { metaMap } from './referatDoc';

export type ReferatStatus = 'draft' | 'proposed' | 'approved';
export const REFERAT_STATUSES: readonly ReferatStatus[] = ['draft', 'proposed', 'approved'];

export interface ReferatMeta {
  formatVersion: number;
  id: string;
  title: string;
  /** Meeting date, `YYYY-MM-DD`, or '' when not set. */
  date: string;
  /** `HH:MM`, or ''. */
  startTime: string;
  endTime: string;
  location: string;
  status: ReferatStatus;
  /** ISO time the referat was created. */
  createdAt: string;
  template: string;
}

/** Plain-string fields a user may edit directly; the title is a Y.Text, edited through setTitle. */
export type EditableMetaField = 'date' | 'startTime' | 'endTime' | 'location';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_FIELD = 500;

export class InvalidMetaValueError extends Error {
  readonly field: string;
  constructor(field: string, value: string) {
    super(`Invalid value for ${field}: ${JSON.stringify(value.slice(0, 40))}`);
    this.name = 'InvalidMetaValueError';
    this.field = field;
  }
}

export function isValidMetaValue(field: EditableMetaField, value: string): boolean {
  if (value.length > MAX_FIELD) return false;
  if (value === '') return true;
  if (field === 'date') return DATE.test(value);
  if (field === 'startTime' || field === 'endTime') return TIME.test(value);
  return true;
}

function str(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  if (typeof v === 'string') return v;
  if (v instanceof Y.Text) return v.toString();
  return '';
}

export function readMeta(doc: Y.Doc): ReferatMeta {
  const m = metaMap(doc);
  const status = str(m, 'status') as ReferatStatus;
  const version = m.get('formatVersion');
  return {
    formatVersion: typeof version === 'number' ? version : 0,
    id: str(m, 'id'),
    title: str(m, 'title'),
    date: str(m, 'date'),
    startTime: str(m, 'startTime'),
    endTime: str(m, 'endTime'),
    location: str(m, 'location'),
    status: REFERAT_STATUSES.includes(status) ? status : 'draft',
    createdAt: str(m, 'createdAt'),
    template: str(m, 'template'),
  };
}

export function setMetaField(doc: Y.Doc, field: EditableMetaField, value: string): void {
  if (!isValidMetaValue(field, value)) throw new InvalidMetaValueError(field, value);
  const m = metaMap(doc);
  if (m.get(field) !== value) m.set(field, value);
}

/** The title is collaborative text; returns it, creating it on a copy that lacks one. */
export function titleText(doc: Y.Doc): Y.Text {
  const m = metaMap(doc);
  const t = m.get('title');
  if (t instanceof Y.Text) return t;
  const text = new Y.Text(typeof t === 'string' ? t : '');
  m.set('title', text);
  return text;
}

/** Writes the title as the smallest edit of its text (never splitting an emoji), so concurrent typing merges. */
export function setTitle(doc: Y.Doc, title: string): void {
  if (title.length > MAX_FIELD) throw new InvalidMetaValueError('title', title);
  const text = titleText(doc);
  const { index, remove, insert } = simpleDiffString(text.toString(), title);
  if (remove === 0 && insert === '') return;
  doc.transact(() => {
    if (remove > 0) text.delete(index, remove);
    if (insert !== '') text.insert(index, insert);
  });
}
