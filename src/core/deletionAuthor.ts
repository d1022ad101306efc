// Who deleted an item, as far as the document can prove it: PermanentUserData's recorded delete sets (`users`),
// counted only where the record itself was written by a client that key owns (verified claims).
import * as Y from 'yjs';
import { USERS } from './authorship';
import { firstItem } from './yjsInternals';

/** The key fingerprint that owns a Yjs client id through a verified claim, or null. */
export type ClientOwner = (client: number) => string | null;

/** Reads a lib0 variable-length unsigned integer; throws past the end. */
function reader(bytes: Uint8Array) {
  let pos = 0;
  return {
    uint(): number {
      let n = 0;
      let mult = 1;
      for (;;) {
        const b = bytes[pos++];
        if (b === undefined) throw new RangeError('truncated delete set');
        n += (b & 0x7f) * mult;
        if (b < 0x80) return n;
        mult *= 0x80;
        if (mult > 2 ** 53) throw new RangeError('varuint too large');
      }
    },
  };
}

/** Whether a V1-encoded delete set (Yjs DSEncoderV1) covers `id`; malformed input covers nothing. */
export function deleteSetCovers(encoded: Uint8Array, id: Y.ID): boolean {
  try {
    const r = reader(encoded);
    const clients = r.uint();
    for (let i = 0; i < clients; i++) {
      const client = r.uint();
      const ranges = r.uint();
      for (let j = 0; j < ranges; j++) {
        const clock = r.uint();
        const len = r.uint();
        if (client === id.client && id.clock >= clock && id.clock < clock + len) return true;
      }
    }
  } catch {
    return false;
  }
  return false;
}

/** Every verified deletion record, in the order deletionAuthor checks them: its key and its encoded delete set. */
function* verifiedRecords(doc: Y.Doc, owner: ClientOwner): Generator<[string, Uint8Array]> {
  for (const [fingerprint, user] of doc.getMap(USERS)) {
    if (!(user instanceof Y.Map)) continue;
    const ds = user.get('ds');
    if (!(ds instanceof Y.Array)) continue;
    for (let item = firstItem(ds); item !== null; item = item.right) {
      if (item.deleted || owner(item.id.client) !== fingerprint) continue;
      // Yjs stores a pushed Uint8Array as binary content (PermanentUserData's records); older writers may have used `any`.
      const records = item.content instanceof Y.ContentBinary ? [item.content.content] : item.content instanceof Y.ContentAny ? item.content.arr : [];
      for (const v of records) if (v instanceof Uint8Array) yield [fingerprint, v];
    }
  }
}

/** The fingerprint whose own recorded deletions include `id`, or null when no verified record names anyone. */
export function deletionAuthor(doc: Y.Doc, id: Y.ID, owner: ClientOwner): string | null {
  for (const [fingerprint, record] of verifiedRecords(doc, owner)) if (deleteSetCovers(record, id)) return fingerprint;
  return null;
}

interface Range {
  start: number;
  end: number;
  /** Its record's place in deletionAuthor's order: the lowest wins where records overlap. */
  order: number;
  fingerprint: string;
}

/**
 * deletionAuthor for many ids at once (a version diff): every verified record decoded once into per-client ranges,
 * each id then found by binary search. Same answers as deletionAuthor, the first record in its order winning.
 */
export function deletionIndex(doc: Y.Doc, owner: ClientOwner): (id: Y.ID) => string | null {
  const byClient = new Map<number, Range[]>();
  let order = 0;
  for (const [fingerprint, record] of verifiedRecords(doc, owner)) {
    const at = order++;
    try {
      const r = reader(record);
      const clients = r.uint();
      for (let i = 0; i < clients; i++) {
        const client = r.uint();
        const ranges = r.uint();
        let list = byClient.get(client);
        if (!list) byClient.set(client, (list = []));
        for (let j = 0; j < ranges; j++) {
          const clock = r.uint();
          const len = r.uint();
          list.push({ start: clock, end: clock + len, order: at, fingerprint });
        }
      }
    } catch {
      // A malformed record covers what it gave before the fault, as deleteSetCovers reads it.
    }
  }
  // Per client: ranges by start, and the furthest end so far, to stop the backward scan early.
  const reach = new Map<number, number[]>();
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.start - b.start);
    let max = -1;
    reach.set(client, list.map((r) => (max = Math.max(max, r.end))));
  }
  return (id) => {
    const list = byClient.get(id.client);
    const ends = reach.get(id.client);
    if (!list || !ends) return null;
    let lo = 0;
    let hi = list.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= id.clock) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let best: Range | null = null;
    for (let i = last; i >= 0 && ends[i]! > id.clock; i--) {
      const r = list[i]!;
      if (id.clock < r.end && (best === null || r.order < best.order)) best = r;
    }
    return best?.fingerprint ?? null;
  };
}
