// Named versions ("Gem version"): signed entries in the referat's top-level `versions` array, so every party sees who
// marked which state of the text and when (docs/FORMAT.md). Each holds a Yjs snapshot, not a copy of the text.
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from './base64';
import { contentHash } from './canonicalContent';
import { VERSIONS } from './docLayout';
import { mapString } from './mapString';
import { readMeta } from './meta';
import { organisationKindOf, profileProblems, type OrganisationKind, type Profile } from './profile';
import type { Signer } from './signature';
import { pushSignedEntry, signerMembers } from './pushSignedEntry';
import { entryString as str, signedEntryVerifier } from './signedEntry';

/** The longest name a version may have, in characters. */
export const MAX_VERSION_LABEL = 200;

export interface NamedVersion {
  id: string;
  label: string;
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  fingerprint: string;
  /** ISO 8601 time the version was made. */
  createdAt: string;
  contentHash: string;
  /** The Yjs snapshot (state vector and delete set) the version names. */
  snapshot: Y.Snapshot;
  /** Every member as stored, `signature` included, for verification. */
  members: Readonly<Record<string, unknown>>;
}

export function versionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(VERSIONS);
}

/** Decoded snapshots by their stored text: the list is read at every render and each check; a long history's are large. */
const decoded = new Map<string, Y.Snapshot | null>();
const MAX_DECODED = 256;

function decodedSnapshot(value: unknown): Y.Snapshot | null {
  const text = str(value) ?? '';
  const known = decoded.get(text);
  if (known !== undefined) return known;
  const bytes = base64ToBytes(text);
  let snapshot: Y.Snapshot | null = null;
  if (bytes !== null) {
    try {
      snapshot = Y.decodeSnapshotV2(bytes);
    } catch {
      snapshot = null;
    }
  }
  if (decoded.size >= MAX_DECODED) decoded.clear();
  decoded.set(text, snapshot);
  return snapshot;
}

const verifier = signedEntryVerifier('createdAt', (members) => {
  const label = str(members.label);
  return (
    /^[a-z0-9-]{1,64}$/.test(str(members.referatId) ?? '') &&
    label !== null && label.trim() !== '' && [...label].length <= MAX_VERSION_LABEL &&
    decodedSnapshot(members.snapshotV2) !== null
  );
});

/** True when the entry is well formed and its signature verifies with its own key; never throws. Compare `referatId`. */
export const verifyNamedVersion = verifier.verify;

function toVersion(m: Y.Map<unknown>): NamedVersion | null {
  const s = (k: string) => mapString(m, k);
  const snapshot = decodedSnapshot(m.get('snapshotV2'));
  if (s('id') === '' || snapshot === null) return null;
  return {
    id: s('id'),
    label: s('label'),
    name: s('name'),
    organisation: s('organisation'),
    organisationKind: organisationKindOf(s('organisationKind')),
    fingerprint: s('fingerprint'),
    createdAt: s('createdAt'),
    contentHash: s('contentHash'),
    snapshot,
    members: Object.fromEntries(m.entries()),
  };
}

/** Well-formed entries, oldest first; anything else in the array is skipped, never thrown on. Not verified: see verifiedNamedVersions. */
export function readNamedVersions(doc: Y.Doc): NamedVersion[] {
  const out: NamedVersion[] = [];
  for (const m of versionsArray(doc)) {
    if (!(m instanceof Y.Map)) continue;
    const v = toVersion(m);
    if (v) out.push(v);
  }
  return out.toSorted((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The named versions whose signature verifies and that were made for this referat. */
export async function verifiedNamedVersions(doc: Y.Doc): Promise<NamedVersion[]> {
  const id = readMeta(doc).id;
  const all = readNamedVersions(doc);
  const valid = await Promise.all(all.map((v) => verifyNamedVersion(v.members)));
  return all.filter((v, i) => valid[i] === true && v.members.referatId === id);
}

/**
 * The ids of `versions` that verify and belong to `doc`'s referat, when this device already knows every verdict (no
 * wait: the session checks them as the referat opens); null while one is unknown. The same answer as the async check.
 */
export function knownValidVersionIds(doc: Y.Doc, versions: readonly NamedVersion[]): ReadonlySet<string> | null {
  const id = readMeta(doc).id;
  const ids = new Set<string>();
  for (const v of versions) {
    const valid = verifier.known(v.members);
    if (valid === undefined) return null;
    if (valid && v.members.referatId === id) ids.add(v.id);
  }
  return ids;
}

/** Signs a version of the referat as it stands now, under `label`, and pushes it in one transaction. */
export async function saveNamedVersion(doc: Y.Doc, label: string, who: Profile, signer: Signer, now: Date = new Date()): Promise<NamedVersion> {
  const trimmed = label.trim();
  if (trimmed === '' || [...trimmed].length > MAX_VERSION_LABEL) throw new RangeError(`A version needs a name of 1 to ${MAX_VERSION_LABEL} characters`);
  if (profileProblems(who).length > 0) throw new RangeError('A version needs a valid profile');
  if (doc.gc) throw new RangeError('Versions need a document that keeps its history (gc off)');
  const referatId = readMeta(doc).id;
  if (!/^[a-z0-9-]{1,64}$/.test(referatId)) throw new RangeError('Only a referat with an id can have versions');
  const unsigned = {
    id: globalThis.crypto.randomUUID(),
    referatId,
    label: trimmed,
    ...(await signerMembers(who, signer)),
    createdAt: now.toISOString(),
    contentHash: contentHash(doc),
    // V2: its delete set takes about half the bytes of V1 on a long history (bench H1).
    snapshotV2: bytesToBase64(Y.encodeSnapshotV2(Y.snapshot(doc))),
  };
  await pushSignedEntry(doc, versionsArray(doc), unsigned, signer, verifyNamedVersion, 'version');
  const written = readNamedVersions(doc).find((v) => v.id === unsigned.id);
  if (!written) throw new Error('The version was not stored');
  return written;
}
