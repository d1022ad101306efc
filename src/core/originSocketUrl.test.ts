import { describe, expect, it } from 'vitest';
import { originSocketUrl } from './originSocketUrl';

describe('originSocketUrl', () => {
  it('keeps host and port, and takes wss: under https:', () => {
    expect(originSocketUrl({ protocol: 'https:', host: 'referat.aarhus.dk' }, '/signal')).toBe('wss://referat.aarhus.dk/signal');
    expect(originSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, '/relay')).toBe('ws://127.0.0.1:8080/relay');
    expect(originSocketUrl({ protocol: 'http:', host: '[::1]:8080' }, '/signal')).toBe('ws://[::1]:8080/signal');
    expect(originSocketUrl({ protocol: 'file:', host: '' }, '/signal')).toBe('ws://localhost/signal');
  });
});
