// The canonical serialization of a referat's visible content, and its SHA-256: what an approval signs (docs/FORMAT.md).
import * as Y from 'yjs';
import { readParticipants } from './participants';
import { bodyFragment, metaMap } from './referatDoc';
import { sha256Hex } from './sha256';

/** Names this serialization; a change to the rules below gets a new one, so old hashes are never recomputed differently. */
export const CANONICAL_CONTENT_FORMAT = 'referat-content/1';

/** Meta fields that are content; `status`, `formatVersion`, `createdAt` and `template` are not. */
export const CONTENT_META_FIELDS = ['id', 'title', 'date', 'startTime', 'endTime', 'location', 'seriesId', 'seriesName', 'previousId'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object members sorted by key (UTF-16 code units) and no whitespace; undefined and functions become null. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Uint8Array) return canonicalJson(Array.from(value));
  const keys = Object.keys(value).toSorted();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Plain JSON of an attribute value: nulls dropped from objects, Yjs types (never written by Referat) as their JSON. */
function plain(value: unknown): Json {
  if (value instanceof Y.AbstractType) return plain(value.toJSON());
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return attributes(value as Record<string, unknown>);
  return null;
}

/** An attribute object with null and undefined members left out (ProseMirror's default for a missing one). */
function attributes(attrs: Record<string, unknown>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(attrs)) {
    const p = plain(v);
    if (p !== null) out[k] = p;
  }
  return out;
}

interface TextRun {
  text: string;
  marks: { [key: string]: Json };
}
interface ElementNode {
  type: string;
  attrs: { [key: string]: Json };
  content: ContentNode[];
}
type ContentNode = TextRun | ElementNode;

/** Adds a text run, merging it into the previous one when the marks are equal (edit history splits runs arbitrarily). */
function pushText(out: ContentNode[], run: TextRun): void {
  if (run.text === '') return;
  const last = out.at(-1);
  if (last && 'text' in last && canonicalJson(last.marks) === canonicalJson(run.marks)) last.text += run.text;
  else out.push(run);
}

function children(parent: Y.XmlFragment | Y.XmlElement): ContentNode[] {
  const out: ContentNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const d of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        // Embeds are not part of y-prosemirror's layout and are not shown; only strings are text.
        if (typeof d.insert === 'string') pushText(out, { text: d.insert, marks: attributes(d.attributes ?? {}) });
      }
    } else if (child instanceof Y.XmlElement) {
      out.push({ type: child.nodeName, attrs: attributes(child.getAttributes() as Record<string, unknown>), content: children(child) });
    }
  }
  return out;
}

function metaValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return '';
}

/** The visible content as a plain object, in the layout docs/FORMAT.md describes. */
export function canonicalContentObject(doc: Y.Doc): Record<string, Json> {
  const m = metaMap(doc);
  const meta: Record<string, Json> = {};
  for (const field of CONTENT_META_FIELDS) meta[field] = metaValue(m.get(field));
  // Participants as readers show them; ids, keys and fingerprints are not content.
  const participants: Json[] = readParticipants(doc).map((p) => ({
    name: p.name,
    organisation: p.organisation,
    organisationKind: p.organisationKind,
    role: p.role,
    present: p.present,
  }));
  return { format: CANONICAL_CONTENT_FORMAT, meta, participants, body: children(bodyFragment(doc)) as unknown as Json[] };
}

/** UTF-8 bytes of the canonical JSON of the visible content. */
export function canonicalContent(doc: Y.Doc): Uint8Array {
  return new TextEncoder().encode(canonicalJson(canonicalContentObject(doc)));
}

/** Lower-case hex SHA-256 of `canonicalContent(doc)`: equal on every copy with the same visible content. */
export function contentHash(doc: Y.Doc): string {
  return sha256Hex(canonicalContent(doc));
}
