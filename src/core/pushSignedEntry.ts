// Signs an entry's members (every one but `signature`, as canonical JSON), checks the signature, and pushes the entry
// as a Y.Map onto a referat's array in one transaction: the shared last step of a reopening and a named version.
import * as Y from 'yjs';
import { bytesToBase64 } from './base64';
import { keyFingerprint } from './fingerprint';
import type { Profile } from './profile';
import { publicKeyJwk } from './publicKeyJwk';
import type { Signer } from './signature';
import { entrySigningInput } from './signedEntry';

export async function pushSignedEntry(
  doc: Y.Doc,
  array: Y.Array<Y.Map<unknown>>,
  unsigned: Readonly<Record<string, unknown>>,
  signer: Signer,
  verify: (members: Readonly<Record<string, unknown>>) => Promise<boolean>,
  what: string,
): Promise<void> {
  const members = { ...unsigned, signature: bytesToBase64(await signer.sign(entrySigningInput(unsigned))) };
  if (!(await verify(members))) throw new Error(`The signature of the ${what} does not verify`);
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries(members)) entry.set(k, v);
    array.push([entry]);
  });
}

/** The members every signed entry has about its signer: the profile as it is now, and the key. */
export async function signerMembers(who: Profile, signer: Signer) {
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  return {
    name: who.name,
    organisation: who.organisation,
    organisationKind: who.organisationKind,
    algorithm: signer.algorithm,
    fingerprint: await keyFingerprint(publicKey),
    publicKey,
  };
}
