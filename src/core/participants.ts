// The participants list of a referat: one Y.Map per person, so concurrent edits to different people merge.
import * as Y from 'yjs';
import { mapString } from './mapString';
import { ORGANISATION_KINDS, organisationKindOf, type OrganisationKind } from './profile';
import { participantsArray } from './referatDoc';

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  role: string;
  present: boolean;
  /** Key fingerprint, once the person has synced a copy (participantKeys.ts); null before. */
  fingerprint: string | null;
}

export type ParticipantPatch = Partial<Omit<Participant, 'id' | 'fingerprint'>>;

const MAX_FIELD = 200;

function toParticipant(m: Y.Map<unknown>): Participant | null {
  const id = m.get('id');
  if (typeof id !== 'string') return null;
  const s = (k: string) => mapString(m, k);
  return {
    id,
    name: s('name'),
    organisation: s('organisation'),
    organisationKind: organisationKindOf(s('organisationKind')),
    role: s('role'),
    present: m.get('present') !== false,
    fingerprint: typeof m.get('fingerprint') === 'string' ? (m.get('fingerprint') as string) : null,
  };
}

export function readParticipants(doc: Y.Doc): Participant[] {
  return participantsArray(doc)
    .toArray()
    .map((m) => (m instanceof Y.Map ? toParticipant(m) : null))
    .filter((p): p is Participant => p !== null);
}

function checkPatch(patch: ParticipantPatch): void {
  for (const key of ['name', 'organisation', 'role'] as const) {
    const v = patch[key];
    if (v !== undefined && v.length > MAX_FIELD) throw new RangeError(`Participant ${key} is too long`);
  }
  if (patch.organisationKind !== undefined && !ORGANISATION_KINDS.includes(patch.organisationKind)) {
    throw new RangeError('Unknown organisation kind');
  }
}

export function addParticipant(doc: Y.Doc, fields: Omit<Participant, 'id' | 'fingerprint'>): string {
  checkPatch(fields);
  const id = globalThis.crypto.randomUUID();
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    m.set('id', id);
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    participantsArray(doc).push([m]);
  });
  return id;
}

function findIndex(doc: Y.Doc, id: string): number {
  return participantsArray(doc)
    .toArray()
    .findIndex((m) => m instanceof Y.Map && m.get('id') === id);
}

export function updateParticipant(doc: Y.Doc, id: string, patch: ParticipantPatch): void {
  checkPatch(patch);
  const m = participantsArray(doc).get(findIndex(doc, id));
  if (!(m instanceof Y.Map)) throw new RangeError(`No participant ${id}`);
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && m.get(k) !== v) m.set(k, v);
  });
}

export function removeParticipant(doc: Y.Doc, id: string): void {
  const i = findIndex(doc, id);
  if (i >= 0) participantsArray(doc).delete(i, 1);
}
