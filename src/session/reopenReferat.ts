// "Genåbn referatet" for the open referat: signs and records the reopening with this device's key (core/reopen.ts).
import type { Profile } from '../core/profile';
import { reopen, type Reopening } from '../core/reopen';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { loadLocalIdentity } from './localIdentity';
import type { ReferatSession } from './referatSession';

/** Records a reopening by this person and device; the approvals then belong to an earlier version. */
export async function reopenReferat(db: LibraryDatabase, session: ReferatSession, profile: Profile, now = new Date()): Promise<Reopening> {
  if (session.format === 'newer' || session.format === 'empty') throw new Error('This referat cannot be changed here');
  const local = await loadLocalIdentity(db, profile);
  session.setAuthor(local.me.fingerprint);
  const done = await reopen(session.doc, profile, local.identity, now);
  await session.reindex();
  return done;
}
