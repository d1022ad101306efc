// Who deleted an item, as far as the document can prove it: PermanentUserData's recorded delete sets (`users`),
// counted only where the record itself was written by a client that key owns (verified claims).
import * as Y from 'yjs';
import { USERS } from './authorship';

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

/** The fingerprint whose own recorded deletions include `id`, or null when no verified record names anyone. */
export function deletionAuthor(doc: Y.Doc, id: Y.ID, owner: ClientOwner): string | null {
  for (const [fingerprint, user] of doc.getMap(USERS)) {
    if (!(user instanceof Y.Map)) continue;
    const ds = user.get('ds');
    if (!(ds instanceof Y.Array)) continue;
    for (let item = ds._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
      if (owner(item.id.client) !== fingerprint) continue;
      if (item.content.arr.some((v) => v instanceof Uint8Array && deleteSetCovers(v, id))) return fingerprint;
    }
  }
  return null;
}
