// What the receiving copy knows that a file's or peer's update is checked against: the entries of meta.id and of
// `claims` it holds, the client ids this device wrote with, and the verified owner of each claimed client id.
import type * as Y from 'yjs';
import type { ClaimCheck } from '../core/clientClaims';
import { CLAIMS, META } from '../core/docLayout';
import { receiverEntries, type ReceiverEntry } from './mapEntryWrites';

/** Plain data, so it can be posted to the import worker. */
export interface ReceiverFacts {
  entries: ReceiverEntry[];
  /** Client ids claimed in the receiver by this device's own key (verified). */
  ownClients: number[];
  /** Each verified claim: [client id, the owner key's fingerprint]. */
  owners: Array<[number, string]>;
}

export const NO_RECEIVER_FACTS: ReceiverFacts = { entries: [], ownClients: [], owners: [] };

export function receiverFacts(doc: Y.Doc, claims: ClaimCheck, ownFingerprint: string): ReceiverFacts {
  const owners = [...claims.owners];
  return {
    entries: receiverEntries(doc, [{ parent: META, key: 'id' }, { parent: CLAIMS }]),
    ownClients: owners.filter(([, fp]) => fp === ownFingerprint).map(([client]) => client),
    owners,
  };
}
