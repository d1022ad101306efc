// "Næste møde": creates the next referat in a series from an open one, with its open action items carried over.
import { carryForward, seriesOf } from '../core/carryForward';
import { recordAuthorship } from '../core/authorship';
import { signClaim, writeClaim } from '../core/clientClaims';
import { initReferat } from '../core/initReferat';
import { readMeta } from '../core/meta';
import type { Profile } from '../core/profile';
import { newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { TEMPLATES, STANDARD_TEMPLATE } from '../core/templates';
import { projectIndexRow } from './projectIndexRow';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { loadIdentity } from '../storage/identityKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { ReferatSession } from './referatSession';

export interface NextMeeting {
  id: string;
  carried: number;
}

export async function createNextMeeting(
  db: LibraryDatabase,
  previous: ReferatSession,
  creator: Profile,
  opts: { date: string; authorFingerprint: string; now?: Date },
): Promise<NextMeeting> {
  const prevMeta = readMeta(previous.doc);
  const [templateId, version] = prevMeta.template.split('@');
  const template = TEMPLATES.find((t) => t.id === templateId && String(t.version) === version) ?? STANDARD_TEMPLATE;
  const id = newReferatId();
  const doc = newReferatDoc();
  recordAuthorship(doc, opts.authorFingerprint);
  // The creator's client id is claimed with the device key (core/clientClaims.ts), so its writing is verified.
  writeClaim(doc, await signClaim(await loadIdentity(db), doc.clientID, id));
  initReferat(doc, {
    id,
    title: seriesOf(previous.doc)?.seriesName || prevMeta.title,
    date: opts.date,
    createdAt: (opts.now ?? new Date()).toISOString(),
    template,
    creator,
  });
  const carried = carryForward(previous.doc, previous.id, doc);
  const store = await DocStore.open(docDatabaseName(id), doc);
  try {
    await store.flush();
    await projectIndexRow(db, doc, id);
    await previous.reindex();
  } finally {
    await store.close();
    doc.destroy();
  }
  return { id, carried };
}
