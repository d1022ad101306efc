// Random damage to a byte string, as fast-check values that shrink: bit flips, overwrites, cuts, inserts,
// deletions and length fields set to interesting numbers. Positions wrap around the input, so one mutation
// fits a file of any length.
import * as fc from 'fast-check';

export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'int'; at: number; width: 2 | 4; value: number; littleEndian: boolean };

/** Numbers a length or count field is most likely to be wrong with. */
export const interestingNumber = fc.oneof(
  fc.constantFrom(0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff),
  fc.nat({ max: 0xffffffff }),
);

/** A position, taken modulo the input's length: near the start as often as anywhere (fc.nat alone favours 0). */
const position = fc.oneof(fc.nat({ max: 64 }), fc.noBias(fc.nat()));

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: position, value: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({
    kind: fc.constant('int' as const),
    at: position,
    width: fc.constantFrom(2 as const, 4 as const),
    value: interestingNumber,
    littleEndian: fc.boolean(),
  }),
);

/** A copy of `bytes` with one mutation applied; `bytes` is not changed. */
export function applyMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const n = bytes.length;
  switch (m.kind) {
    case 'flip':
    case 'set': {
      if (n === 0) return bytes.slice();
      const out = bytes.slice();
      const at = m.at % n;
      out[at] = m.kind === 'flip' ? (out[at] as number) ^ (1 << m.bit) : m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, m.at % (n + 1));
    case 'insert': {
      const at = m.at % (n + 1);
      const out = new Uint8Array(n + m.bytes.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(m.bytes, at);
      out.set(bytes.subarray(at), at + m.bytes.length);
      return out;
    }
    case 'delete': {
      const at = m.at % (n + 1);
      const out = new Uint8Array(n - Math.min(m.length, n - at));
      out.set(bytes.subarray(0, at), 0);
      out.set(bytes.subarray(at + m.length), at);
      return out;
    }
    case 'int': {
      if (n < m.width) return bytes.slice();
      const out = bytes.slice();
      const view = new DataView(out.buffer);
      const at = m.at % (n - m.width + 1);
      if (m.width === 2) view.setUint16(at, m.value & 0xffff, m.littleEndian);
      else view.setUint32(at, m.value >>> 0, m.littleEndian);
      return out;
    }
  }
}

export function applyMutations(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  return mutations.reduce(applyMutation, bytes);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
