// English interface text for joining a room and proving who live peers are; every key of messagesLiveTrustDa needs one.
import type { messagesLiveTrustDa } from './messagesLiveTrustDa';

export const messagesLiveTrustEn: Record<keyof typeof messagesLiveTrustDa, string> = {
  'liveTrust.proven': 'identity proven',
  'liveTrust.unproven': 'identity not proven',
  'liveTrust.provenTitle': 'In this session the participant proved that it holds the key with fingerprint {fingerprint}.',
  'liveTrust.unprovenTitle':
    'The participant has not proved that it holds the key it announces. Name and organisation are only what it wrote itself, and it is not written into the overview of copies.',
  'liveTrust.peer': '{name}, {organisation}',
  'liveTrust.diverged':
    'Your copies hold the same changes but different content (compared with {names}). This happens only when someone wrote under another party’s id, and the copies will not become equal by themselves. Do not approve now. Export a copy of the referat (“Export copy”) and contact {names} to compare your copies.',
  'liveTrust.join.heading': 'Invitation to a shared referat',
  'liveTrust.join.reading': 'Reading the invitation …',
  'liveTrust.join.invalid': 'The invitation link is invalid or incomplete. Nothing was stored or changed. Ask the sender for a new link.',
  'liveTrust.join.missing': 'There is no invitation to read. Nothing was stored or changed. Open the link from the sender again.',
  'liveTrust.join.unknown': 'This referat is not on this device, and nothing has been stored yet.',
  'liveTrust.join.unknownShare':
    'If you join, the room is stored on this device and the referat is fetched from the others in the room. Everything you write in it is shared with everyone who has this link.',
  'liveTrust.join.known': 'You already have this referat on this device.',
  'liveTrust.join.knownNoIndex': 'The referat is on this device, but its details have not been read yet.',
  'liveTrust.join.knownShare':
    'The whole referat is shared with everyone who has this link: what it says now, its history and everything written later, and they can write in it. Join only if you know the sender and know whom the link was sent to.',
  'liveTrust.join.otherRoom':
    'The referat is already shared live in another room on this device. If you join, the referat leaves that room and is shared in the room of this link instead.',
  'liveTrust.join.id': 'Referat id',
  'liveTrust.join.titleLabel': 'Title',
  'liveTrust.join.date': 'Date',
  'liveTrust.join.parties': 'Parties',
  'liveTrust.join.none': '(none)',
  'liveTrust.join.accept': 'Join',
  'liveTrust.join.cancel': 'Cancel',
  'liveTrust.join.cancelled': 'The invitation was declined. Nothing was stored or changed.',
  'liveTrust.join.failed': 'The room could not be stored: {message}. Nothing was changed.',
  'liveTrust.rejected.unknown': 'A participant that did not say who it is',
  'liveTrust.rejected.foreignClient':
    '{who} was disconnected and is not let back in: it sent changes under this device’s own client id. That change was not taken in. Its identity is not proven.',
  'liveTrust.rejected.conflictingClaim':
    '{who} was disconnected and is not let back in: it claimed a client id that another key owns. That change was not taken in. Its identity is not proven.',
};
