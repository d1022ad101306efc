import { describe, expect, it } from 'vitest';
import { hasCurrentApproval } from './hasCurrentApproval';
import type { CheckedApproval } from './trustState';

function approval(fingerprint: string, current: boolean): CheckedApproval {
  return {
    id: `${fingerprint}-${current}`,
    name: 'Mette Holm',
    organisation: 'Aarhus Kommune',
    organisationKind: 'kommune',
    fingerprint,
    approvedAt: '2026-03-01T10:00:00Z',
    contentHash: 'ab',
    entryVersion: 2,
    valid: current,
    current,
    confirmedAs: null,
    participantId: null,
    snapshot: null,
  };
}

describe('hasCurrentApproval', () => {
  it('is true when the key has approved the content as it is now', () => {
    expect(hasCurrentApproval([approval('other', true), approval('mine', true)], 'mine')).toBe(true);
  });

  it('is false when the key approved only an earlier version, or another key approved', () => {
    expect(hasCurrentApproval([approval('mine', false), approval('other', true)], 'mine')).toBe(false);
  });

  it('is false while the own key is not known', () => {
    expect(hasCurrentApproval([approval('mine', true)], null)).toBe(false);
  });
});
