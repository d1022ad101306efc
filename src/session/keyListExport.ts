// Exports this organisation's key list (`.referat-noegler`): the administrator picks confirmed keys of their own
// organisation, and this device's key signs the list together with its own entry.
import { KEY_LIST_EXTENSION, signKeyList, type KeyListEntry } from '../core/keyList';
import type { Profile } from '../core/profile';
import { safeFileName } from '../core/safeFileName';
import { fileNameDate } from '../export/exportDates';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { loadLocalIdentity } from './localIdentity';

export interface KeyListExportChoice {
  /** Fingerprints of confirmed keys of the administrator's own organisation; the own key is always on the list. */
  fingerprints: readonly string[];
  /** `YYYY-MM-DD` or '' for an open end, for every key on the list. */
  validFrom: string;
  validTo: string;
}

/** Why an export was refused; nothing was made. */
export type KeyListExportProblem = 'notConfirmed' | 'otherOrganisation' | 'dates';

export class KeyListExportError extends Error {
  constructor(
    readonly code: KeyListExportProblem,
    readonly fingerprint?: string,
  ) {
    super(`Key list not exported: ${code}${fingerprint ? ` (${fingerprint})` : ''}`);
    this.name = 'KeyListExportError';
  }
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
const DAY = /^(\d{4}-\d{2}-\d{2})?$/;

export async function exportKeyList(
  db: LibraryDatabase,
  profile: Profile,
  choice: KeyListExportChoice,
  now: Date = new Date(),
): Promise<{ fileName: string; text: string }> {
  if (!DAY.test(choice.validFrom) || !DAY.test(choice.validTo) || (choice.validFrom && choice.validTo && choice.validFrom > choice.validTo)) {
    throw new KeyListExportError('dates');
  }
  const [{ identity, me }, dir] = await Promise.all([loadLocalIdentity(db, profile), loadKeyDirectory(db)]);
  const validity = { validFrom: choice.validFrom, validTo: choice.validTo };
  const keys: KeyListEntry[] = [{ name: profile.name, fingerprint: me.fingerprint, ...validity }];
  for (const fp of new Set(choice.fingerprints)) {
    if (fp === me.fingerprint) continue;
    const k = dir.confirmed(fp, now);
    if (!k) throw new KeyListExportError('notConfirmed', fp);
    if (norm(k.organisation) !== norm(profile.organisation)) throw new KeyListExportError('otherOrganisation', fp);
    keys.push({ name: k.name, fingerprint: fp, ...validity });
  }
  const text = await signKeyList(
    { organisation: profile.organisation, organisationKind: profile.organisationKind, administratorName: profile.name, keys, issuedAt: now },
    identity,
  );
  const fileName = `noegler-${safeFileName(profile.organisation, 60, 'organisation')}-${fileNameDate(now)}${KEY_LIST_EXTENSION}`;
  return { fileName, text };
}
