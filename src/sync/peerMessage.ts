// Reads the parts of a y-webrtc peer message the authorship gate needs, without lib0: the Yjs update a sync message
// carries, and the awareness client ids an awareness message names.

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  varUint(): number {
    let n = 0;
    for (let factor = 1; factor < 2 ** 53; factor *= 128) {
      if (this.pos >= this.bytes.length) throw new RangeError('the message ends inside a number');
      const byte = this.bytes[this.pos++] as number;
      n += (byte & 0x7f) * factor;
      if (byte < 0x80) return n;
    }
    throw new RangeError('a number in the message is too long');
  }
  bytesOf(): Uint8Array {
    const len = this.varUint();
    if (this.pos + len > this.bytes.length) throw new RangeError('the message ends inside a byte string');
    const out = this.bytes.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
}

export type PeerMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; clients: number[] }
  | { kind: 'other' };

/** Throws RangeError for a message that ends early. */
export function readPeerMessage(message: Uint8Array): PeerMessage {
  const r = new Reader(message);
  const type = r.varUint();
  if (type === MESSAGE_SYNC) {
    const step = r.varUint();
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE) return { kind: 'update', update: r.bytesOf() };
    return { kind: 'other' };
  }
  if (type === MESSAGE_AWARENESS) {
    const a = new Reader(r.bytesOf());
    const count = a.varUint();
    const clients: number[] = [];
    for (let i = 0; i < count && i < 1000; i++) {
      clients.push(a.varUint());
      a.varUint(); // clock
      a.bytesOf(); // the state, as JSON text
    }
    return { kind: 'awareness', clients };
  }
  return { kind: 'other' };
}
