// "Næste møde": creates the next referat in a series from an open one: its participants, place and times, the date
// written for the next meeting (else today), a title following the series, and its open action items carried over.
// A live room the previous referat keeps (not expired) comes along: one invitation for the whole series.
import { carryForward, seriesOf } from '../core/carryForward';
import { recordAuthorship } from '../core/authorship';
import { signClaim, writeClaim } from '../core/clientClaims';
import { copyMeetingDetails } from '../core/copyMeetingDetails';
import { initReferat } from '../core/initReferat';
import { readMeta } from '../core/meta';
import type { Profile } from '../core/profile';
import { nextMeetingDate } from '../core/nextMeetingDate';
import { nextMeetingTitle } from '../core/nextMeetingTitle';
import { newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { TEMPLATES, STANDARD_TEMPLATE } from '../core/templates';
import { projectIndexRow } from './projectIndexRow';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { carrySeriesRoom } from './liveRooms';
import { loadIdentity } from '../storage/identityKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { ReferatSession } from './referatSession';

export interface NextMeeting {
  id: string;
  carried: number;
  /** The new referat is in the previous one's live room (the series invitation). */
  sharedRoom: boolean;
}

export async function createNextMeeting(
  db: LibraryDatabase,
  previous: ReferatSession,
  creator: Profile,
  /** `date`: today (`YYYY-MM-DD`, the user's time zone), taken when the referat states no date for the next meeting. */
  opts: { date: string; authorFingerprint: string; now?: Date },
): Promise<NextMeeting> {
  const prevMeta = readMeta(previous.doc);
  const [templateId, version] = prevMeta.template.split('@');
  const template = TEMPLATES.find((t) => t.id === templateId && String(t.version) === version) ?? STANDARD_TEMPLATE;
  const date = nextMeetingDate(previous.doc, opts.date);
  const title = nextMeetingTitle(prevMeta.title, prevMeta.date, date) || seriesOf(previous.doc)?.seriesName || '';
  const id = newReferatId();
  const doc = newReferatDoc();
  recordAuthorship(doc, opts.authorFingerprint);
  // The creator's client id is claimed with the device key (core/clientClaims.ts), so its writing is verified.
  writeClaim(doc, await signClaim(await loadIdentity(db), doc.clientID, id));
  initReferat(doc, {
    id,
    title,
    date,
    createdAt: (opts.now ?? new Date()).toISOString(),
    template,
    creator,
  });
  copyMeetingDetails(previous.doc, doc, creator);
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
  const sharedRoom = (await carrySeriesRoom(db, previous.id, id, opts.now?.getTime())) !== null;
  return { id, carried, sharedRoom };
}
