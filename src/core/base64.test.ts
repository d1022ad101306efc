import { describe, expect, it } from 'vitest';
import { seededBytes } from '../testSupport/seededRandom';
import { base64ToBytes, base64UrlToBytes, bytesToBase64, bytesToBase64Url } from './base64';

describe('base64', () => {
  it('matches Node for every length up to 70 bytes, in both alphabets, and decodes back', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = seededBytes(n + 1, n);
      const standard = bytesToBase64(bytes);
      const url = bytesToBase64Url(bytes);
      expect(standard).toBe(Buffer.from(bytes).toString('base64'));
      expect(url).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64ToBytes(standard)).toEqual(bytes);
      expect(base64UrlToBytes(url)).toEqual(bytes);
    }
  });

  it('refuses anything but the one canonical spelling', () => {
    expect(base64ToBytes('QUJD')).toEqual(new Uint8Array([65, 66, 67]));
    const badStandard = ['QUJ', 'QUJD=', 'QQ=', 'QQ', 'QR==', 'Q===', 'QU JD', 'QUJ\n', 'QU-_', '====', 'A', 'QU=D', 'QUJÆ', 'QUJ\u0141', 'QUJ\u{1F600}'.slice(0, 4)];
    expect(badStandard.map((b) => [b, base64ToBytes(b)])).toEqual(badStandard.map((b) => [b, null]));
    const badUrl = ['QQ==', 'QR', 'Q', 'QU+/', 'QUJD=', 'QUJø', 'QU=D'];
    expect(badUrl.map((b) => [b, base64UrlToBytes(b)])).toEqual(badUrl.map((b) => [b, null]));
  });
});
