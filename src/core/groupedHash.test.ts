import { describe, expect, it } from 'vitest';
import { groupedHash } from './groupedHash';

describe('groupedHash', () => {
  it('splits hex into groups of four, the last one shorter when it must be', () => {
    expect(groupedHash('0123456789abcdef01')).toBe('0123 4567 89ab cdef 01');
    expect(groupedHash('abc')).toBe('abc');
    expect(groupedHash('')).toBe('');
  });
});
