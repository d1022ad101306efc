// Finds a client under which a received update and this copy hold different changes at the same clocks: someone
// wrote under another party's client id, and Yjs would drop the later of the two as "already known".
import * as Y from 'yjs';
import type { Struct } from './updateOutline';

interface Segment {
  head: string;
  /** The content as Yjs would encode it; for text, the string itself (no encoder: most structs are typed text). */
  body: Uint8Array | string;
}

const idText = (id: Y.ID | null) => (id === null ? '-' : `${id.client}:${id.clock}`);

/**
 * Clocks [from, to) of an item as Yjs would write them (origin, right origin, parent, content), independent of how
 * a copy happens to have split or merged its items; null for structs whose content is not kept (GC, skips, deleted).
 */
function segment(s: Struct, from: number, to: number): Segment | null {
  if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) return null;
  const offset = from - s.id.clock;
  const origin = offset > 0 ? Y.createID(s.id.client, from - 1) : s.origin;
  const parent = s.parent as unknown;
  // Like Yjs's encoding: the parent and key are written only for an item with neither origin (else they are its neighbour's).
  const parentText =
    origin === null && s.rightOrigin === null
      ? `${typeof parent === 'string' ? `s${parent}` : parent instanceof Y.ID ? `i${idText(parent)}` : '?'}|${s.parentSub ?? ''}`
      : '';
  const end = to - s.id.clock;
  if (s.content instanceof Y.ContentString) {
    return { head: `${idText(origin)}|${idText(s.rightOrigin)}|${parentText}|${s.content.getRef()}`, body: sliceLikeYjs(s.content.str, offset, end) };
  }
  let content = s.content.copy();
  if (end < content.getLength()) content.splice(end);
  if (offset > 0) content = content.splice(offset);
  const encoder = new Y.UpdateEncoderV1();
  content.write(encoder, 0);
  return { head: `${idText(origin)}|${idText(s.rightOrigin)}|${parentText}|${content.getRef()}`, body: encoder.toUint8Array() };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Text [from, to) as Yjs's ContentString.splice leaves it: a surrogate pair cut in two becomes U+FFFD on each side. */
function sliceLikeYjs(str: string, from: number, to: number): string {
  let out = str.slice(from, to);
  if (to < str.length && to > from && isHighSurrogate(str.charCodeAt(to - 1))) out = `${out.slice(0, -1)}\ufffd`;
  if (from > 0 && isHighSurrogate(str.charCodeAt(from - 1))) out = `\ufffd${out.slice(1)}`;
  return out;
}

function sameBytes(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Structs per client, in clock order. */
export function structsByClient(structs: readonly Struct[]): Map<number, Struct[]> {
  const out = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = out.get(s.id.client) ?? [];
    list.push(s);
    out.set(s.id.client, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return out;
}

/** The first client whose changes differ between the two at a clock both hold, or null when they agree. */
export function divergentClient(received: ReadonlyMap<number, Struct[]>, held: ReadonlyMap<number, Struct[]>): number | null {
  for (const [client, theirs] of received) {
    const mine = held.get(client);
    if (mine === undefined) continue;
    let i = 0;
    let j = 0;
    while (i < theirs.length && j < mine.length) {
      const f = theirs[i] as Struct;
      const r = mine[j] as Struct;
      const fEnd = f.id.clock + f.length;
      const rEnd = r.id.clock + r.length;
      const from = Math.max(f.id.clock, r.id.clock);
      const to = Math.min(fEnd, rEnd);
      if (from < to) {
        const a = segment(f, from, to);
        const b = segment(r, from, to);
        if (a !== null && b !== null && (a.head !== b.head || !sameBytes(a.body, b.body))) return client;
      }
      if (fEnd <= rEnd) i++;
      else j++;
    }
  }
  return null;
}
