// Reads a Yjs v1 update without applying it: its structs per client and its deletions.
import * as Y from 'yjs';

export type Struct = Y.Item | Y.GC | Y.Skip;

/** One client's deleted clock ranges. */
export type DeleteRanges = Array<{ clock: number; len: number }>;

export interface UpdateOutline {
  /** Each client's structs in clock order: one block per client, as Yjs reads them when applying. */
  structs: Map<number, Struct[]>;
  /** The delete set as written, per client. */
  deletes: Map<number, DeleteRanges>;
}

/** The update's first varuint: how many client blocks it declares. */
function declaredBlocks(update: Uint8Array): number {
  let n = 0;
  for (let i = 0, factor = 1; i < 7 && i < update.length; i++, factor *= 128) {
    const byte = update[i] as number;
    n += (byte & 0x7f) * factor;
    if (byte < 0x80) return n;
  }
  throw new Error('the update does not start with a block count');
}

/** Throws when Yjs cannot decode the update, or when it holds a client in more than one block (Yjs would keep only the last). */
export function readUpdateOutline(update: Uint8Array): UpdateOutline {
  const decoded = Y.decodeUpdate(update);
  const structs = new Map<number, Struct[]>();
  let run: Struct[] | null = null;
  for (const struct of decoded.structs) {
    const client = struct.id.client;
    if (run === null || (run[0] as Struct).id.client !== client) {
      if (structs.has(client)) throw new Error(`client ${client} appears in more than one block`);
      run = [];
      structs.set(client, run);
    }
    run.push(struct);
  }
  if (structs.size !== declaredBlocks(update)) throw new Error('the update declares empty or repeated client blocks');

  const deletes = new Map<number, DeleteRanges>();
  for (const [client, items] of decoded.ds.clients) deletes.set(client, items.map(({ clock, len }) => ({ clock, len })));
  return { structs, deletes };
}

/** The ranges sorted by clock, with overlapping and touching ones joined and empty ones left out. */
export function mergeRanges(ranges: DeleteRanges): DeleteRanges {
  const out: DeleteRanges = [];
  for (const { clock, len } of ranges.filter((r) => r.len > 0).toSorted((a, b) => a.clock - b.clock)) {
    const last = out.at(-1);
    if (last !== undefined && clock <= last.clock + last.len) last.len = Math.max(last.len, clock + len - last.clock);
    else out.push({ clock, len });
  }
  return out;
}

/** True when `merged` (from mergeRanges) deletes every clock in [clock, clock + len). */
export function coversDeletion(merged: DeleteRanges, clock: number, len: number): boolean {
  if (len <= 0) return true;
  let lo = 0;
  let hi = merged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = merged[mid] as DeleteRanges[number];
    if (r.clock + r.len <= clock) lo = mid + 1;
    else if (r.clock > clock) hi = mid - 1;
    else return clock + len <= r.clock + r.len;
  }
  return false;
}
