// Test helper: approves a referat by two parties whose keys this device has confirmed, and checks its trust state.
import type * as Y from 'yjs';
import { approve } from '../core/approve';
import { checkTrust } from '../core/checkTrust';
import { keyFingerprint } from '../core/fingerprint';
import { keyDirectory, type KeyDirectory, type KnownKey } from '../core/knownKey';
import { addParticipant } from '../core/participants';
import type { Profile } from '../core/profile';
import { createTestSigner } from './testSigner';

export const KOMMUNE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
export const VENDOR: Profile = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' };

/**
 * Adds the vendor as a participant (the creator is the municipality), approves as both, and returns the directory
 * that confirms both keys. The referat must have a UUID id and the municipality among its participants.
 */
export async function approvedByBoth(doc: Y.Doc): Promise<KeyDirectory> {
  addParticipant(doc, { ...VENDOR, role: '', present: true });
  const keys: KnownKey[] = [];
  for (const who of [KOMMUNE, VENDOR]) {
    const signer = await createTestSigner('Ed25519');
    await approve(doc, who, signer);
    keys.push({ ...who, fingerprint: await keyFingerprint(signer.publicKey), confirmedBy: 'inPerson', confirmedAt: '2026-01-01T00:00:00.000Z' });
  }
  return keyDirectory(keys);
}

/** The derived status with every signature and reopening verified (checkTrust reads the reopenings itself). */
export async function trustStatus(doc: Y.Doc, dir: KeyDirectory): Promise<string> {
  return (await checkTrust(doc, dir)).status;
}
