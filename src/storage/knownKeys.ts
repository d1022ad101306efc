// The keys this device has confirmed (Kendte nøgler) in the `knownKeys` table: confirm, revoke, list, and the
// directory the trust rules read, which always holds this device's own key.
import { FINGERPRINT_PATTERN, keyFingerprint } from '../core/fingerprint';
import { keyDirectory, type KeyDirectory, type KnownKey } from '../core/knownKey';
import { MAX_PROFILE_FIELD, ORGANISATION_KINDS, type OrganisationKind, type Profile } from '../core/profile';
import { loadIdentity } from './identityKeys';
import type { LibraryDatabase } from './libraryDatabase';
import { loadProfile } from './settingsStore';

/** Why a confirmation or revocation was refused; nothing was stored. */
export type KnownKeyProblem = 'fingerprint' | 'nameMissing' | 'organisationMissing' | 'tooLong' | 'kind' | 'confirmedBy' | 'own' | 'notFound';

export class KnownKeyError extends Error {
  constructor(readonly code: KnownKeyProblem) {
    super(`Key refused: ${code}`);
    this.name = 'KnownKeyError';
  }
}

export interface KeyConfirmationInput {
  fingerprint: string;
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  confirmedBy: 'inPerson' | 'phone';
}

const CONFIRMATIONS = ['own', 'inPerson', 'phone', 'keyList'];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A stored row as it must look; anything else (a damaged or foreign row) is left out of every listing. */
export function isKnownKey(value: unknown): value is KnownKey {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optionalString = (x: unknown) => x === undefined || typeof x === 'string';
  const optionalDay = (x: unknown) => x === undefined || x === '' || (typeof x === 'string' && ISO_DAY.test(x));
  return (
    typeof v.fingerprint === 'string' &&
    FINGERPRINT_PATTERN.test(v.fingerprint) &&
    typeof v.name === 'string' &&
    typeof v.organisation === 'string' &&
    (ORGANISATION_KINDS as readonly unknown[]).includes(v.organisationKind) &&
    CONFIRMATIONS.includes(v.confirmedBy as string) &&
    typeof v.confirmedAt === 'string' &&
    optionalString(v.via) &&
    optionalDay(v.validFrom) &&
    optionalDay(v.validTo) &&
    optionalString(v.revokedAt)
  );
}

/** The problems with a confirmation the user typed, in form order; empty when it can be stored. */
export function confirmationProblems(input: KeyConfirmationInput): KnownKeyProblem[] {
  const problems: KnownKeyProblem[] = [];
  if (typeof input.fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(input.fingerprint)) problems.push('fingerprint');
  if (typeof input.name !== 'string' || input.name.trim() === '') problems.push('nameMissing');
  if (typeof input.organisation !== 'string' || input.organisation.trim() === '') problems.push('organisationMissing');
  if (String(input.name).length > MAX_PROFILE_FIELD || String(input.organisation).length > MAX_PROFILE_FIELD) problems.push('tooLong');
  if (!ORGANISATION_KINDS.includes(input.organisationKind)) problems.push('kind');
  if (input.confirmedBy !== 'inPerson' && input.confirmedBy !== 'phone') problems.push('confirmedBy');
  return problems;
}

const ownFingerprints = new WeakMap<LibraryDatabase, Promise<string>>();

/** This device's own key fingerprint (the key pair is made on first use). */
export function ownFingerprint(db: LibraryDatabase): Promise<string> {
  let pending = ownFingerprints.get(db);
  if (!pending) {
    pending = loadIdentity(db).then((identity) => keyFingerprint(identity.publicKey));
    pending.catch(() => ownFingerprints.delete(db));
    ownFingerprints.set(db, pending);
  }
  return pending;
}

/** This device's own key as a directory entry, named by the profile. */
export function ownKnownKey(fingerprint: string, profile: Profile | null): KnownKey {
  return {
    fingerprint,
    name: profile?.name ?? '',
    organisation: profile?.organisation ?? '',
    organisationKind: profile?.organisationKind ?? 'andet',
    confirmedBy: 'own',
    confirmedAt: new Date(0).toISOString(),
  };
}

const sameOrganisation = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

const byOrganisationAndName = (a: KnownKey, b: KnownKey) =>
  a.organisation.localeCompare(b.organisation, 'da') || a.name.localeCompare(b.name, 'da') || a.fingerprint.localeCompare(b.fingerprint);

/** Every key on record, revoked ones included, by organisation and name; the own key is not in the table. */
export async function listKnownKeys(db: LibraryDatabase): Promise<KnownKey[]> {
  return (await db.knownKeys.toArray()).filter(isKnownKey).toSorted(byOrganisationAndName);
}

/** The directory over the stored keys with the own key added last, so no stored row can stand in for it. */
export function directoryWithOwn(rows: readonly KnownKey[], own: KnownKey | null): KeyDirectory {
  const stored = rows.filter((r) => isKnownKey(r) && r.fingerprint !== own?.fingerprint);
  return keyDirectory(own ? [...stored, own] : stored);
}

/** The key directory of this device: the confirmed keys, and this device's own key (confirmedBy 'own'). */
export async function loadKeyDirectory(db: LibraryDatabase): Promise<KeyDirectory> {
  const [fingerprint, profile, rows] = await Promise.all([ownFingerprint(db), loadProfile(db), listKnownKeys(db)]);
  return directoryWithOwn(rows, ownKnownKey(fingerprint, profile));
}

/** Confirms a key compared in person or by phone; replaces an earlier entry for it (a revoked one too). */
export async function confirmKey(db: LibraryDatabase, input: KeyConfirmationInput, now: Date = new Date()): Promise<KnownKey> {
  const [problem] = confirmationProblems(input);
  if (problem) throw new KnownKeyError(problem);
  if (input.fingerprint === (await ownFingerprint(db))) throw new KnownKeyError('own');
  const key: KnownKey = {
    fingerprint: input.fingerprint,
    name: input.name.trim().replace(/\s+/g, ' '),
    organisation: input.organisation.trim().replace(/\s+/g, ' '),
    organisationKind: input.organisationKind,
    confirmedBy: input.confirmedBy,
    confirmedAt: now.toISOString(),
  };
  await db.knownKeys.put(key);
  return key;
}

/** Marks a key revoked: it then counts as unconfirmed everywhere, and stays listed as revoked. */
export async function revokeKey(db: LibraryDatabase, fingerprint: string, now: Date = new Date()): Promise<KnownKey> {
  return db.transaction('rw', db.knownKeys, async () => {
    const row = await db.knownKeys.get(fingerprint);
    if (!row || !isKnownKey(row)) throw new KnownKeyError('notFound');
    if (row.revokedAt) return row;
    const revoked = { ...row, revokedAt: now.toISOString() };
    await db.knownKeys.put(revoked);
    return revoked;
  });
}

/** What storing the keys of an organisation key list did: each fingerprint added, or left as it was and why. */
export interface KeyListStoreResult {
  added: KnownKey[];
  /** Already confirmed in person or by phone: that stronger confirmation stays. */
  keptConfirmed: KnownKey[];
  /** Revoked by the user: a list never brings a revoked key back. */
  keptRevoked: KnownKey[];
  /** On an earlier list for another organisation: one administrator never takes over another organisation's key. */
  keptOtherOrganisation: KnownKey[];
  /** This device's own key. */
  own: number;
}

/**
 * Stores keys from a verified key list (confirmedBy 'keyList'), all in one transaction: either every row is
 * written or none. A key confirmed by hand or revoked stays as it is, and so does one an earlier list gave another
 * organisation; an earlier list entry for the same organisation is replaced.
 */
export async function storeKeyListKeys(db: LibraryDatabase, keys: readonly KnownKey[]): Promise<KeyListStoreResult> {
  for (const k of keys) if (!isKnownKey(k) || k.confirmedBy !== 'keyList') throw new KnownKeyError('fingerprint');
  const own = await ownFingerprint(db);
  return db.transaction('rw', db.knownKeys, async () => {
    const result: KeyListStoreResult = { added: [], keptConfirmed: [], keptRevoked: [], keptOtherOrganisation: [], own: 0 };
    const existing = await db.knownKeys.bulkGet(keys.map((k) => k.fingerprint));
    const writes: KnownKey[] = [];
    keys.forEach((k, i) => {
      const old = existing[i];
      if (k.fingerprint === own) result.own++;
      else if (old && isKnownKey(old) && old.revokedAt) result.keptRevoked.push(old);
      else if (old && isKnownKey(old) && old.confirmedBy !== 'keyList') result.keptConfirmed.push(old);
      else if (old && isKnownKey(old) && sameOrganisation(old.organisation, k.organisation) === false) result.keptOtherOrganisation.push(old);
      else {
        writes.push(k);
        result.added.push(k);
      }
    });
    await db.knownKeys.bulkPut(writes);
    return result;
  });
}
