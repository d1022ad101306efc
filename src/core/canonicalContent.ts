// The canonical serialization of a referat's visible content, and its SHA-256: what an approval signs (docs/FORMAT.md).
import * as Y from 'yjs';
import { readParticipants } from './participants';
import { bodyFragment, metaMap } from './referatDoc';
import { sha256Hex } from './sha256';
import { currentTransaction } from './yjsInternals';

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

/**
 * The canonical JSON of a parent's children, written directly (this runs on every change once a referat has
 * approvals): elements as `{"attrs","content","type"}`, text as runs `{"marks","text"}`, empty runs dropped and
 * neighbouring runs with equal marks merged, since edit history splits text into runs arbitrarily.
 */
function childrenJson(parent: Y.XmlFragment | Y.XmlElement): string {
  const parts: string[] = [];
  let runMarks: string | null = null;
  let runText = '';
  const flush = () => {
    if (runMarks !== null) parts.push(`{"marks":${runMarks},"text":${JSON.stringify(runText)}}`);
    runMarks = null;
    runText = '';
  };
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const d of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        // Embeds are not part of y-prosemirror's layout and are not shown; only strings are text.
        if (typeof d.insert !== 'string' || d.insert === '') continue;
        const marks = canonicalJson(attributes(d.attributes ?? {}));
        if (marks === runMarks) {
          runText += d.insert;
        } else {
          flush();
          runMarks = marks;
          runText = d.insert;
        }
      }
    } else if (child instanceof Y.XmlElement) {
      flush();
      const attrs = canonicalJson(attributes(child.getAttributes() as Record<string, unknown>));
      parts.push(`{"attrs":${attrs},"content":${childrenJson(child)},"type":${JSON.stringify(child.nodeName)}}`);
    }
  }
  flush();
  return `[${parts.join(',')}]`;
}

function metaValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return '';
}

/** UTF-8 bytes of the canonical JSON of the visible content, in the layout docs/FORMAT.md describes. */
export function canonicalContent(doc: Y.Doc): Uint8Array {
  const m = metaMap(doc);
  const meta: Record<string, string> = {};
  for (const field of CONTENT_META_FIELDS) meta[field] = metaValue(m.get(field));
  // Participants as readers show them; ids, keys and fingerprints are not content.
  const participants = readParticipants(doc).map((p) => ({
    name: p.name,
    organisation: p.organisation,
    organisationKind: p.organisationKind,
    role: p.role,
    present: p.present,
  }));
  const json = `{"body":${childrenJson(bodyFragment(doc))},"format":${JSON.stringify(CANONICAL_CONTENT_FORMAT)},"meta":${canonicalJson(meta)},"participants":${canonicalJson(participants)}}`;
  return new TextEncoder().encode(json);
}

/** The last hash of each document, computed outside any transaction and dropped when the next one starts. */
const hashes = new WeakMap<Y.Doc, { hash: string | null }>();

/** Lower-case hex SHA-256 of `canonicalContent(doc)`: equal on every copy with the same visible content. */
export function contentHash(doc: Y.Doc): string {
  let memo = hashes.get(doc);
  if (!memo) {
    const entry: { hash: string | null } = { hash: null };
    doc.on('beforeTransaction', () => {
      entry.hash = null;
    });
    hashes.set(doc, entry);
    memo = entry;
  }
  if (memo.hash !== null) return memo.hash;
  const hash = sha256Hex(canonicalContent(doc));
  // Inside a transaction (e.g. from an observer) more changes may follow: compute, but do not keep.
  if (currentTransaction(doc) === null) memo.hash = hash;
  return hash;
}
