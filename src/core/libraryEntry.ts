// The library index row for one referat: a pure projection of its Y.Doc, so the index can always be rebuilt.
import type * as Y from 'yjs';
import { derivedStatus } from './approvalStatus';
import { keyDirectory, type KeyDirectory } from './knownKey';
import { bodyText } from './bodyText';
import { readMeta, type ReferatStatus } from './meta';
import { readParticipants } from './participants';
import { metaMap } from './referatDoc';
import { seriesOf } from './seriesLinks';
import { readStructure, type ActionItemInfo } from './structure';

export interface LibraryEntry {
  id: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  status: ReferatStatus;
  /** Organisations taking part, in first-seen order. */
  parties: string[];
  participantNames: string[];
  /** Body text, for search. */
  text: string;
  formatVersion: number;
  createdAt: string;
  agendaTitles: string[];
  decisions: string[];
  /** With the effective `done` (the `followUp` entry when there is one). */
  actionItems: ActionItemInfo[];
  /** The meeting series (møderække), '' when none; from meta, or from `links` when joined after the fact. */
  seriesId: string;
  seriesName: string;
  previousId: string;
}

function metaString(doc: Y.Doc, key: string): string {
  const v = metaMap(doc).get(key);
  return typeof v === 'string' ? v.slice(0, 500) : '';
}

export function libraryEntry(doc: Y.Doc, id: string, dir: KeyDirectory = keyDirectory([])): LibraryEntry {
  const meta = readMeta(doc);
  const participants = readParticipants(doc);
  const structure = readStructure(doc);
  const series = seriesOf(doc);
  const parties: string[] = [];
  for (const p of participants) {
    const org = p.organisation.trim();
    if (org && !parties.includes(org)) parties.push(org);
  }
  return {
    id,
    title: meta.title,
    date: meta.date,
    startTime: meta.startTime,
    endTime: meta.endTime,
    location: meta.location,
    // Derived from the approvals this device has verified, never trusted from meta.status (docs/FORMAT.md).
    status: derivedStatus(doc, dir),
    parties,
    participantNames: participants.map((p) => p.name).filter((n) => n.trim() !== ''),
    text: bodyText(doc),
    formatVersion: meta.formatVersion,
    createdAt: meta.createdAt,
    agendaTitles: structure.agendaItems.map((a) => a.title),
    decisions: structure.decisions.map((d) => d.text),
    actionItems: structure.actionItems,
    // The signed meta first, else the link a later meeting wrote (core/seriesLinks.ts).
    seriesId: series?.seriesId ?? '',
    seriesName: series?.seriesName ?? '',
    previousId: metaString(doc, 'previousId'),
  };
}

export { compareEntries } from './compareEntries';
