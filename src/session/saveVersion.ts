// "Gem version" for the open referat: signs a named version of its current state with this device's key (core/namedVersions.ts).
import { FORMAT_VERSION } from '../core/formatVersion';
import { docFormatVersion } from '../core/migrateDoc';
import { saveNamedVersion, type NamedVersion } from '../core/namedVersions';
import type { LocalIdentity } from './localIdentity';
import type { ReferatSession } from './referatSession';

/**
 * Records a named version by this person and device (`local`, as useLocalIdentity loads it). It changes no content
 * (the hash approvals sign stays the same), so a locked, approved referat can get one too; a referat of a newer
 * format, or one still waiting for its content, cannot.
 */
export async function saveVersion(session: ReferatSession, local: LocalIdentity, label: string, now = new Date()): Promise<NamedVersion> {
  // Read now, not at open: a referat joined by invitation gets its content (and format) later.
  const format = docFormatVersion(session.doc);
  if (format === 0 || format > FORMAT_VERSION) throw new Error('This referat cannot be changed here');
  // The entry is a local change: the session's claim of its client id goes with it.
  session.setAuthor(local.me.fingerprint);
  return saveNamedVersion(session.doc, label, local.me, local.identity, now);
}
