// The keys this device has confirmed (Kendte nøgler): fingerprint → the person and organisation it belongs to.
import type { OrganisationKind } from './profile';

/** How a key came to be confirmed on this device. */
export type KeyConfirmation = 'own' | 'inPerson' | 'phone' | 'keyList';

export interface KnownKey {
  /** The key's fingerprint, 8 groups of 4 upper-case hex digits (core/fingerprint.ts). */
  fingerprint: string;
  name: string;
  /** The organisation as this device confirmed it: never the one a signer typed. */
  organisation: string;
  organisationKind: OrganisationKind;
  confirmedBy: KeyConfirmation;
  /** ISO 8601 time it was confirmed on this device. */
  confirmedAt: string;
  /** For `keyList`: the fingerprint of the administrator key that signed the list. */
  via?: string;
  /** For `keyList`: the validity the list gives the key, ISO dates (`YYYY-MM-DD`); open ends are ''. */
  validFrom?: string;
  validTo?: string;
  /** ISO 8601 time the user revoked it; a revoked key counts as unconfirmed. */
  revokedAt?: string;
}

/** What the trust rules ask of the directory: a pure, synchronous view of it. */
export interface KeyDirectory {
  /** The confirmed, unrevoked key with this fingerprint, valid at `at` (default now), or null. */
  confirmed(fingerprint: string, at?: Date): KnownKey | null;
  /** Every key on record, revoked ones included, for listing. */
  all(): readonly KnownKey[];
}

function inValidity(k: KnownKey, at: Date): boolean {
  const day = at.toISOString().slice(0, 10);
  if (k.validFrom && day < k.validFrom) return false;
  if (k.validTo && day > k.validTo) return false;
  return true;
}

/** A directory over a list of known keys; the last entry for a fingerprint wins. */
export function keyDirectory(keys: readonly KnownKey[]): KeyDirectory {
  const byFingerprint = new Map<string, KnownKey>();
  for (const k of keys) byFingerprint.set(k.fingerprint, k);
  const list = [...byFingerprint.values()];
  return {
    confirmed(fingerprint, at = new Date()) {
      const k = byFingerprint.get(fingerprint);
      if (!k || k.revokedAt || !inValidity(k, at)) return null;
      return k;
    },
    all: () => list,
  };
}

/** A directory that knows only this device's own key. */
export function ownKeyDirectory(own: KnownKey): KeyDirectory {
  return keyDirectory([own]);
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/** Other confirmed keys for the same name and organisation (case-blind): "Du kender en anden nøgle for …". */
export function otherKeysFor(dir: KeyDirectory, name: string, organisation: string, fingerprint: string): KnownKey[] {
  return dir
    .all()
    .filter((k) => !k.revokedAt && k.fingerprint !== fingerprint && norm(k.name) === norm(name) && norm(k.organisation) === norm(organisation));
}
