// Links a person who has synced to their public key in the referat's participants, so the copy shows
// which key belongs to whom. Each device links only itself.
import * as Y from 'yjs';
import type { Profile } from './profile';
import { participantsArray } from './referatDoc';

export interface KeyedProfile extends Profile {
  fingerprint: string;
  publicKey: JsonWebKey;
}

/** Returns true if the document changed. */
export function linkOwnParticipant(doc: Y.Doc, me: KeyedProfile): boolean {
  const list = participantsArray(doc).toArray().filter((m): m is Y.Map<unknown> => m instanceof Y.Map);
  const byKey = list.find((m) => m.get('fingerprint') === me.fingerprint);
  const byName = list.find(
    (m) => !m.get('fingerprint') && m.get('name') === me.name && m.get('organisation') === me.organisation,
  );
  const target = byKey ?? byName;
  if (target) {
    if (target.get('fingerprint') === me.fingerprint) return false;
    doc.transact(() => {
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
