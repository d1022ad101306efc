import { describe, expect, it } from 'vitest';
import { fingerprintReadAloud, parseFingerprint, READ_ALOUD_PATTERN } from './fingerprintReadAloud';

const FP = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';

describe('fingerprintReadAloud', () => {
  it('writes each group as its 5-digit decimal value', () => {
    const text = fingerprintReadAloud(FP);
    expect(text).toBe('41977 04800 00000 65535 00001 48879 31354 04660');
    expect(READ_ALOUD_PATTERN.test(text)).toBe(true);
  });

  it('refuses what is not a fingerprint', () => {
    expect(() => fingerprintReadAloud('a3f9 12c0')).toThrow(RangeError);
    expect(() => fingerprintReadAloud(FP.toLowerCase())).toThrow(RangeError);
  });
});

describe('parseFingerprint', () => {
  it('reads the grouped, compact, lower-case and dashed hex forms', () => {
    expect(parseFingerprint(FP)).toBe(FP);
    expect(parseFingerprint(FP.toLowerCase().replaceAll(' ', ''))).toBe(FP);
    expect(parseFingerprint(` ${FP.replaceAll(' ', '-')}\n`)).toBe(FP);
  });

  it('reads the read-aloud form back to the same fingerprint', () => {
    expect(parseFingerprint(fingerprintReadAloud(FP))).toBe(FP);
    expect(parseFingerprint(fingerprintReadAloud(FP).replaceAll(' ', ''))).toBe(FP);
  });

  it('refuses wrong lengths, letters outside hex and read-aloud groups above 65535', () => {
    expect(parseFingerprint('')).toBeNull();
    expect(parseFingerprint('A3F9 12C0 0000 FFFF 0001 BEEF 7A7A')).toBeNull();
    expect(parseFingerprint('G3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234')).toBeNull();
    expect(parseFingerprint('41977 04800 00000 65536 00001 48879 31354 04660')).toBeNull();
    expect(parseFingerprint('x'.repeat(500))).toBeNull();
  });
});
