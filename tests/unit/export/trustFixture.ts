// Hand-built trust states for the exporters' tests: what core/checkTrust.ts would say on some device, written out so
// each export test states exactly which approvals hold, which are invalid, and which keys are confirmed.
import type { KnownKey } from '../../../src/core/knownKey';
import type { CheckedApproval, TrustState } from '../../../src/core/trustState';

export const HASH_NOW = 'ab'.repeat(32);
export const HASH_BEFORE = 'cd'.repeat(32);

export const ANNE_KEY = '90FA CAFE A9B1 5566 9854 0F70 C011 7A22';
export const VENDOR_KEY = '1111 2222 3333 4444 5555 6666 7777 8888';
export const STRANGER_KEY = 'DEAD BEEF 0000 1111 2222 3333 4444 5555';

export function knownKey(fingerprint: string, name: string, organisation: string): KnownKey {
  return { fingerprint, name, organisation, organisationKind: 'kommune', confirmedBy: 'inPerson', confirmedAt: '2026-11-01T09:00:00.000Z' };
}

/** A checked approval: valid, current and by an unconfirmed key unless told otherwise. */
export function checkedApproval(a: Partial<CheckedApproval> & { id: string; name: string; organisation: string }): CheckedApproval {
  return {
    organisationKind: 'kommune',
    fingerprint: STRANGER_KEY,
    approvedAt: '2026-11-30T12:15:00.000Z',
    contentHash: HASH_NOW,
    entryVersion: 2,
    valid: true,
    current: true,
    confirmedAs: null,
    participantId: null,
    snapshot: null,
    ...a,
  };
}

export function trustState(t: Partial<TrustState> = {}): TrustState {
  return { status: 'draft', organisations: [], approvals: [], removed: [], locked: false, currentHash: HASH_NOW, ...t };
}

/** An unsigned "approval" by "Borgmester" claiming the municipality: invalid, so it counts for nothing. */
export const FORGED_BORGMESTER = checkedApproval({ id: 'forged', name: 'Borgmester', organisation: 'Holstebro Kommune', valid: false, current: false });

/**
 * A referat a peer marked approved in meta.status, with no approval that holds: the municipality's approval is of an
 * earlier version, the vendor's key is unconfirmed here, Borgmester's entry is invalid, and a participant was removed.
 */
export function notApprovedTrust(): TrustState {
  return trustState({
    status: 'proposed',
    organisations: [
      { organisation: 'Aarhus Kommune', state: 'earlierVersion' },
      { organisation: 'Leverandør A/S', state: 'unconfirmedKey' },
      { organisation: 'Holstebro Kommune', state: 'missing' },
    ],
    approvals: [
      checkedApproval({
        id: 'anne',
        name: 'Anne J.',
        organisation: 'aarhus  kommune',
        fingerprint: ANNE_KEY,
        approvedAt: '2026-11-30T12:15:00.000Z',
        contentHash: HASH_BEFORE,
        current: false,
        confirmedAs: knownKey(ANNE_KEY, 'Anne Jensen', 'Aarhus Kommune'),
      }),
      checkedApproval({ id: 'vendor', name: 'Bo Hansen', organisation: 'Leverandør A/S', fingerprint: VENDOR_KEY, approvedAt: '2026-11-30T13:00:00.000Z' }),
      FORGED_BORGMESTER,
    ],
    removed: [{ kind: 'participant', name: 'Carla Møller', organisation: 'Leverandør A/S', removedBy: VENDOR_KEY }],
  });
}

/** Both parties approved the current version with keys this device has confirmed. */
export function approvedTrust(): TrustState {
  return trustState({
    status: 'approved',
    locked: true,
    organisations: [
      { organisation: 'Aarhus Kommune', state: 'approved' },
      { organisation: 'Leverandør A/S', state: 'approved' },
    ],
    approvals: [
      checkedApproval({ id: 'anne', name: 'Anne Jensen', organisation: 'Aarhus Kommune', fingerprint: ANNE_KEY, confirmedAs: knownKey(ANNE_KEY, 'Anne Jensen', 'Aarhus Kommune') }),
      checkedApproval({
        id: 'vendor',
        name: 'Bo Hansen',
        organisation: 'Leverandør A/S',
        fingerprint: VENDOR_KEY,
        approvedAt: '2026-11-30T13:00:00.000Z',
        confirmedAs: knownKey(VENDOR_KEY, 'Bo Hansen', 'Leverandør A/S'),
      }),
    ],
  });
}

/** The rich referat's one approval (ap1, Anne Jensen) as valid and confirmed; the vendor has not approved. */
export function richReferatTrust(): TrustState {
  return trustState({
    status: 'proposed',
    organisations: [
      { organisation: 'Aarhus Kommune', state: 'approved' },
      { organisation: 'Leverandør A/S', state: 'missing' },
    ],
    approvals: [
      checkedApproval({ id: 'ap1', name: 'Anne Jensen', organisation: 'Aarhus Kommune', fingerprint: ANNE_KEY, confirmedAs: knownKey(ANNE_KEY, 'Anne Jensen', 'Aarhus Kommune') }),
    ],
  });
}
