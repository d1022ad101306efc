import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { initReferat } from './initReferat';
import { readNamedVersions, saveNamedVersion } from './namedVersions';
import { newReferatDoc } from './referatDoc';
import { signedEntryVerifier } from './signedEntry';
import { STANDARD_TEMPLATE } from './templates';

const METTE = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } as const;

async function signedMembers(): Promise<Record<string, unknown>> {
  const doc = newReferatDoc();
  initReferat(doc, { id: '6f1c2b1e-0000-4000-8000-000000000002', title: 'Møde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: METTE });
  await saveNamedVersion(doc, 'Udkast', METTE, await createTestSigner('Ed25519'));
  const [v] = readNamedVersions(doc);
  if (!v) throw new Error('no version');
  return { ...v.members };
}

describe('the signed-entry verdict cache', () => {
  it('never hands a cached verdict to an entry that differs in any member, even under the same signature', async () => {
    const members = await signedMembers();
    const verifier = signedEntryVerifier('createdAt', () => true);
    const verifyNamedVersion = Object.assign((m: Record<string, unknown>) => verifier.verify(m), { known: verifier.known });
    expect(await verifyNamedVersion(members)).toBe(true);
    expect(verifyNamedVersion.known(members)).toBe(true);
    // A copy with the same values (new objects, JWK keys in another order) is the same entry.
    const jwk = members.publicKey as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(jwk).toReversed());
    expect(verifyNamedVersion.known({ ...members, publicKey: reordered })).toBe(true);
    // Same signature, one member changed, added or removed: checked afresh, and refused.
    expect(verifyNamedVersion.known({ ...members, label: 'Endelig' })).toBeUndefined();
    expect(await verifyNamedVersion({ ...members, label: 'Endelig' })).toBe(false);
    expect(await verifyNamedVersion({ ...members, extra: 'x' })).toBe(false);
    const { createdAt: _dropped, ...fewer } = members;
    expect(await verifyNamedVersion(fewer)).toBe(false);
    expect(await verifyNamedVersion({ ...members, publicKey: { ...jwk, x: 'AAAA' } })).toBe(false);
    // The genuine entry still verifies afterwards; a shared type in a member is never verified.
    expect(await verifyNamedVersion(members)).toBe(true);
    expect(await verifyNamedVersion({ ...members, label: new Y.Text('Udkast') })).toBe(false);
  });

  it('shares one check between callers asking at the same time', async () => {
    const members = await signedMembers();
    const verifier = signedEntryVerifier('createdAt', () => true);
    const [a, b] = await Promise.all([verifier.verify(members), verifier.verify({ ...members })]);
    expect([a, b]).toEqual([true, true]);
  });
});
