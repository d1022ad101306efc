// What "Næste møde" copies from one meeting to the next: the participants (everyone present until changed, keys kept so
// a returning person's row is found again), the place and the times. The creator is added when they were not listed.
import * as Y from 'yjs';
import { isValidMetaValue, readMeta, setMetaField } from './meta';
import { personRelation } from './participantMatch';
import { readParticipants } from './participants';
import type { Profile } from './profile';
import { participantsArray } from './referatDoc';

/** Copies participants, location, start and end time from `previous` into `next`, a referat just created with `creator` in it. */
export function copyMeetingDetails(previous: Y.Doc, next: Y.Doc, creator: Profile, newId: () => string = () => globalThis.crypto.randomUUID()): void {
  const meta = readMeta(previous);
  const people = readParticipants(previous).filter((p) => p.name.trim() !== '' || p.organisation.trim() !== '');
  const keys = new Map(
    participantsArray(previous)
      .toArray()
      .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
      .map((m) => [m.get('id'), m.get('publicKey')] as const),
  );
  next.transact(() => {
    for (const field of ['location', 'startTime', 'endTime'] as const) if (isValidMetaValue(field, meta[field])) setMetaField(next, field, meta[field]);
    if (people.length === 0) return;
    const list = participantsArray(next);
    const creatorListed = people.some((p) => personRelation(p, creator) === 'certain');
    // The creator's own row (initReferat) goes when the previous list has them, so they are listed once, in its order.
    if (creatorListed) list.delete(0, list.length);
    list.insert(
      0,
      people.map((p) => {
        const m = new Y.Map<unknown>();
        m.set('id', newId());
        m.set('name', p.name);
        m.set('organisation', p.organisation);
        m.set('organisationKind', p.organisationKind);
        m.set('role', p.role);
        m.set('present', true);
        const publicKey = keys.get(p.id);
        if (p.fingerprint !== null && publicKey && typeof publicKey === 'object') {
          m.set('fingerprint', p.fingerprint);
          m.set('publicKey', { ...(publicKey as object) });
        }
        return m;
      }),
    );
  });
}
