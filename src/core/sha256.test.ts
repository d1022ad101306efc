import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededBytes } from '../testSupport/seededRandom';
import { sha256, sha256Hex } from './sha256';

const nodeHex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches Node for every length across the padding boundaries, and for 1 MiB', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = seededBytes(n, n);
      expect(sha256Hex(bytes), `length ${n}`).toBe(nodeHex(bytes));
    }
    const big = seededBytes(7, 1024 * 1024 + 3);
    expect(sha256Hex(big)).toBe(nodeHex(big));
    expect(sha256(big).length).toBe(32);
  });

  it('hashes a view into a larger buffer by its own bytes', () => {
    const whole = seededBytes(3, 300);
    const view = whole.subarray(17, 250);
    expect(sha256Hex(view)).toBe(nodeHex(whole.slice(17, 250)));
  });
});
