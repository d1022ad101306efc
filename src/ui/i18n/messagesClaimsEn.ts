// English interface text for authorship claims, divergence and file checks; every key of messagesClaimsDa needs one.
import type { messagesClaimsDa } from './messagesClaimsDa';

export const messagesClaimsEn: Record<keyof typeof messagesClaimsDa, string> = {
  'claims.unverifiedAuthor': 'author not verified',
  'import.error.foreignClient':
    'The file is refused: it holds changes written under one of this device’s own client ids, which only this device writes with. It is made to make the copies drift apart.',
  'import.error.conflictingClaim':
    'The file is refused: it claims a client id that another key has already signed for in the referat.',
  'import.error.divergent':
    'The file is refused: it and this copy hold different changes under the same change numbers. Someone has written in another party’s name, and the copies have drifted apart. Compare the copies with the sender before you go on.',
  'backup.untrusted':
    'The backup is not signed by this device or by a confirmed key. The referater were merged, but no sender became known: {signers}.',
  'backup.trusted': 'The backup is signed by {name} ({fingerprint}), a key this device knows.',
  'import.signedBy': 'Signed by',
};
