// A per-sender list of sequence numbers (sender tag → highest seq), and the entries whose body starts with one:
// acknowledgements and snapshots.
import { base64UrlToBytes, bytesToBase64Url } from './base64';
import { openEntry, sealEntry, type OpenedEntry, type OpenExpectation } from './relayEntry';
import { SENDER_TAG_BYTES, type RelayKeys } from './relayKeys';
import { refuse, type RelayRefusal } from './relayRefusal';
import type { Signer } from './signature';

/** More senders than this in one mailbox is refused: two organisations never bring a thousand devices. */
export const MAX_SEQ_LIST_SENDERS = 1000;
const ITEM_BYTES = SENDER_TAG_BYTES + 4;

/** Sender tag (base64url) → seq. */
export type SeqList = ReadonlyMap<string, number>;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** u16 count, then each (16-byte tag, u32 seq) in ascending byte order of the tags, seq ≥ 1; then `rest`. */
export function encodeSeqList(list: SeqList, rest: Uint8Array): Uint8Array {
  const items = [...list]
    .filter(([, seq]) => seq >= 1)
    .map(([tag, seq]) => ({ tag: base64UrlToBytes(tag), seq }))
    .toSorted((a, b) => compareBytes(a.tag ?? new Uint8Array(), b.tag ?? new Uint8Array()));
  if (items.length > MAX_SEQ_LIST_SENDERS) throw new Error('Too many senders in one mailbox');
  const out = new Uint8Array(2 + items.length * ITEM_BYTES + rest.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, items.length);
  items.forEach(({ tag, seq }, i) => {
    if (tag?.length !== SENDER_TAG_BYTES || !Number.isInteger(seq) || seq > 0xffffffff) throw new Error('Not a sender tag and seq');
    out.set(tag, 2 + i * ITEM_BYTES);
    view.setUint32(2 + i * ITEM_BYTES + SENDER_TAG_BYTES, seq);
  });
  out.set(rest, 2 + items.length * ITEM_BYTES);
  return out;
}

/** The list and the bytes after it; null unless the tags ascend strictly and every seq is at least 1. */
export function decodeSeqList(bytes: Uint8Array): { list: Map<string, number>; rest: Uint8Array } | null {
  if (bytes.length < 2) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(0);
  if (count > MAX_SEQ_LIST_SENDERS || bytes.length < 2 + count * ITEM_BYTES) return null;
  const list = new Map<string, number>();
  let previous: Uint8Array | null = null;
  for (let i = 0; i < count; i++) {
    const at = 2 + i * ITEM_BYTES;
    const tag = bytes.subarray(at, at + SENDER_TAG_BYTES);
    const seq = view.getUint32(at + SENDER_TAG_BYTES);
    if (seq < 1 || (previous !== null && compareBytes(previous, tag) >= 0)) return null;
    previous = tag;
    list.set(bytesToBase64Url(tag), seq);
  }
  return { list, rest: bytes.subarray(2 + count * ITEM_BYTES) };
}

export interface SeqListEntryInput {
  keys: RelayKeys;
  signer: Signer;
  seq: number;
  list: SeqList;
  /** What follows the list: a state vector (ack) or a Yjs update (snapshot). */
  rest: Uint8Array;
  now: number;
}

/** Seals an acknowledgement or a snapshot: its body is the seq list, then `rest`. */
export function sealSeqListEntry(kind: 'ack' | 'snapshot', input: SeqListEntryInput): Promise<Uint8Array> {
  const body = encodeSeqList(input.list, input.rest);
  return sealEntry({ keys: input.keys, signer: input.signer, kind, seq: input.seq, body, now: input.now });
}

/** Opens and verifies an acknowledgement or a snapshot like any entry, then splits its body. Never throws. */
export async function openSeqListEntry(
  kind: 'ack' | 'snapshot',
  bytes: unknown,
  keys: RelayKeys,
  expect: Omit<OpenExpectation, 'kind'>,
): Promise<{ entry: Omit<OpenedEntry, 'body' | 'kind'>; list: Map<string, number>; rest: Uint8Array } | RelayRefusal> {
  const opened = await openEntry(bytes, keys, { ...expect, kind });
  if (!opened.ok) return opened;
  const decoded = decodeSeqList(opened.body);
  if (decoded === null) return refuse('malformed', `the ${kind} body does not start with a seq list`);
  const { body: _body, kind: _kind, ...entry } = opened;
  return { entry, list: decoded.list, rest: decoded.rest };
}
