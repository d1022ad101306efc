// Unit tests for the signalling server's parts: address keys, the token bucket, the refusal log, origins, flags.
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../../server/addressKey.mjs';
import { defaultAppOrigins, normalizeOrigin, originAllowed } from '../../../server/allowedOrigins.mjs';
import { createRefusalLog, quoteForLog } from '../../../server/refusalLog.mjs';
import { parseServerFlags } from '../../../server/serverFlags.mjs';
import { createTokenBucket } from '../../../server/tokenBucket.mjs';

describe('addressKey', () => {
  it('counts IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('1:2:3')).toBe('1:2:3');
  });
});

describe('createTokenBucket', () => {
  it('allows the burst, then the rate', () => {
    let t = 0;
    const bucket = createTokenBucket({ ratePerSecond: 2, burst: 3, now: () => t });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    t = 499;
    expect(bucket.take()).toBe(false);
    t = 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    t = 60_000; // refills to the burst, never beyond
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('createRefusalLog', () => {
  it('writes one line per refusal up to the cap per second, then says how many it held back', () => {
    let t = 0;
    const lines: string[] = [];
    const log = createRefusalLog({ write: (line) => lines.push(line), maxLinesPerSecond: 2, now: () => t });
    for (let i = 0; i < 5; i++) log.refuse(`10.0.0.${i}`, 'sockets per address at 64', 'handshake answered 429');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z signalling refused 10\.0\.0\.0: sockets per address at 64 \(handshake answered 429\)$/);
    t = 1_000;
    log.refuse('10.0.0.9', 'origin not allowed', 'handshake answered 403');
    expect(lines.slice(2).map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'signalling: 3 more refusals not logged (over 2 lines per second)',
      'signalling refused 10.0.0.9: origin not allowed (handshake answered 403)',
    ]);
  });

  it('quotes what a client chose so it cannot forge a line', () => {
    expect(quoteForLog('http://a\nsignalling refused x')).toBe('"http://a\\nsignalling refused x"');
    expect(quoteForLog('o'.repeat(500))).toHaveLength(100 + 3);
  });
});

describe('origins', () => {
  it('normalises an origin and rejects what is not one', () => {
    expect(normalizeOrigin('https://Referat.Example.dk/')).toBe('https://referat.example.dk');
    expect(normalizeOrigin('http://localhost:80')).toBe('http://localhost');
    expect(() => normalizeOrigin('referat.example.dk')).toThrow(/not an origin/);
    expect(() => normalizeOrigin('ftp://x')).toThrow(/not an http or https origin/);
    expect(() => normalizeOrigin('https://x/app')).toThrow(/no path/);
  });

  it('defaults to the origins npm start serves the app on', () => {
    expect(defaultAppOrigins({ host: '127.0.0.1', port: 8080 })).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080']);
    expect(defaultAppOrigins({ host: 'referat.lan', port: 8080 })).toEqual(['http://referat.lan:8080']);
    expect(defaultAppOrigins({ host: '0.0.0.0', port: 8080 })).toContain('http://127.0.0.1:8080');
  });

  it('checks an Origin header against the list', () => {
    const allowed = new Set(['http://localhost:8080']);
    expect(originAllowed(allowed, 'http://localhost:8080', true)).toBe(true);
    expect(originAllowed(allowed, 'HTTP://LOCALHOST:8080', true)).toBe(true);
    expect(originAllowed(allowed, 'http://localhost:8081', true)).toBe(false);
    expect(originAllowed(allowed, 'null', true)).toBe(false);
    expect(originAllowed(allowed, undefined, true)).toBe(true);
    expect(originAllowed(allowed, undefined, false)).toBe(false);
    expect(originAllowed(null, 'https://anything.example', false)).toBe(true);
  });
});

describe('parseServerFlags', () => {
  it('reads the allow-list and the limits', () => {
    expect(
      parseServerFlags([
        '--signalling-only',
        '--allowed-origin',
        'https://referat.example.dk/',
        '--allowed-origin=http://localhost:5173,http://127.0.0.1:5173',
        '--require-origin',
        '--max-sockets-per-address=8',
        '--max-messages-per-second',
        '2.5',
      ]),
    ).toEqual({
      signallingOnly: true,
      allowedOrigins: ['https://referat.example.dk', 'http://localhost:5173', 'http://127.0.0.1:5173'],
      requireOrigin: true,
      limits: { maxSocketsPerAddress: 8, messagesPerSecond: 2.5 },
    });
    expect(parseServerFlags([])).toEqual({ signallingOnly: false, allowedOrigins: null, requireOrigin: false, limits: {} });
    expect(parseServerFlags(['--allowed-origin', '*']).allowedOrigins).toEqual(['*']);
  });

  it('refuses unknown flags and bad values, naming the flag', () => {
    expect(() => parseServerFlags(['--max-topics'])).toThrow(/unknown argument "--max-topics"/);
    expect(() => parseServerFlags(['--max-topic-length', '0'])).toThrow(/--max-topic-length must be a positive whole number, got "0"/);
    expect(() => parseServerFlags(['--message-burst=1.5'])).toThrow(/--message-burst must be a positive whole number/);
    expect(() => parseServerFlags(['--max-buffered-bytes'])).toThrow(/--max-buffered-bytes needs a value/);
    expect(() => parseServerFlags(['--allowed-origin', 'evil.example'])).toThrow(/--allowed-origin: not an origin/);
    expect(() => parseServerFlags(['--signalling-only=yes'])).toThrow(/unknown argument/);
  });
});
