// Creates a new referat on this device: its document, seeded once with a template, stored, and indexed.
import { recordAuthorship } from '../core/authorship';
import { signClaim, writeClaim } from '../core/clientClaims';
import { initReferat } from '../core/initReferat';
import type { Profile } from '../core/profile';
import { newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE, type Template } from '../core/templates';
import { projectIndexRow } from './projectIndexRow';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { loadIdentity } from '../storage/identityKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export interface CreateOptions {
  title: string;
  /** `YYYY-MM-DD`, today in the user's time zone. */
  date: string;
  template?: Template;
  now?: Date;
  /** The creator's key fingerprint, recorded as the author of everything they write (core/authorship.ts). */
  authorFingerprint?: string;
}

export async function createReferat(db: LibraryDatabase, creator: Profile, opts: CreateOptions): Promise<string> {
  const id = newReferatId();
  const doc = newReferatDoc();
  if (opts.authorFingerprint) recordAuthorship(doc, opts.authorFingerprint);
  // The creator's client id is claimed with the device key (core/clientClaims.ts), so its writing is verified.
  if (opts.authorFingerprint) writeClaim(doc, await signClaim(await loadIdentity(db), doc.clientID, id));
  initReferat(doc, {
    id,
    title: opts.title,
    date: opts.date,
    createdAt: (opts.now ?? new Date()).toISOString(),
    template: opts.template ?? STANDARD_TEMPLATE,
    creator,
  });
  const store = await DocStore.open(docDatabaseName(id), doc);
  try {
    await store.flush();
    await projectIndexRow(db, doc, id);
  } finally {
    await store.close();
    doc.destroy();
  }
  return id;
}
