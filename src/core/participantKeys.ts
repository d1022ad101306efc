// Links a person who has synced to their public key in the referat's participants, so the copy shows
// which key belongs to whom. Each device links only itself, and only to a row it is sure of (participantMatch.ts):
// the one row without a key that names the same person and organisation. Otherwise it adds its own row, and the
// participants editor asks whether the two are one person (duplicatePairs). A link never confirms a key: that is
// the known-keys directory's job (docs/TRUST.md).
import * as Y from 'yjs';
import { matchOwnRow, personName } from './participantMatch';
import { readParticipants } from './participants';
import type { Profile } from './profile';
import { participantsArray } from './referatDoc';

export interface KeyedProfile extends Profile {
  fingerprint: string;
  publicKey: JsonWebKey;
}

/** Returns true if the document changed. */
export function linkOwnParticipant(doc: Y.Doc, me: KeyedProfile): boolean {
  const match = matchOwnRow(readParticipants(doc), me);
  if (match.kind === 'linked') return false;
  const list = participantsArray(doc).toArray().filter((m): m is Y.Map<unknown> => m instanceof Y.Map);
  const target = match.kind === 'certain' ? list.find((m) => m.get('id') === match.id) : undefined;
  if (target) {
    const name = typeof target.get('name') === 'string' ? (target.get('name') as string) : '';
    const organisation = typeof target.get('organisation') === 'string' ? (target.get('organisation') as string) : '';
    const person = personName({ name, organisation });
    doc.transact(() => {
      // "Lars Holm, Medialogic A/S" typed in the name field: the organisation moves to its field, so it counts as
      // one that must approve, as it would have in a row of its own.
      if (organisation.trim() === '' && person.organisation !== '') {
        target.set('name', person.name);
        target.set('organisation', person.organisation);
      }
      target.set('fingerprint', me.fingerprint);
      target.set('publicKey', { ...me.publicKey });
    });
    return true;
  }
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    m.set('id', globalThis.crypto.randomUUID());
    m.set('name', me.name);
    m.set('organisation', me.organisation);
    m.set('organisationKind', me.organisationKind);
    m.set('role', '');
    m.set('present', true);
    m.set('fingerprint', me.fingerprint);
    m.set('publicKey', { ...me.publicKey });
    participantsArray(doc).push([m]);
  });
  return true;
}
