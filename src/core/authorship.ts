// Who wrote what: maps this session's Yjs client id to the author's key fingerprint (Yjs PermanentUserData,
// stored in the top-level map `users`), so history and imports can name the person behind each change.
import * as Y from 'yjs';
import { ensureYjsInternals, observersOf } from './yjsInternals';

export const USERS = 'users';

type TransactionListener = (tr: Y.Transaction) => void;

// The listeners of `doc.on('afterTransaction', …)`, read through the Yjs fence (yjsInternals.ts).
const afterTransactionListeners = (doc: Y.Doc) => observersOf<TransactionListener>(doc, 'afterTransaction');

export function recordAuthorship(doc: Y.Doc, fingerprint: string): Y.PermanentUserData {
  // The first use of Yjs internals when a referat opens: a changed Yjs fails here, loudly, before anything is written.
  ensureYjsInternals();
  const pud = new Y.PermanentUserData(doc, doc.getMap(USERS));
  const before = new Set(afterTransactionListeners(doc));
  pud.setUserMapping(doc, doc.clientID, fingerprint);
  // PermanentUserData starts a timer after every transaction to record the deletions among them: a keystroke
  // that deletes nothing need not start one. Same records, same order.
  for (const listener of afterTransactionListeners(doc)) {
    if (before.has(listener)) continue;
    doc.off('afterTransaction', listener);
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local && tr.deleteSet.clients.size > 0) listener(tr);
    });
  }
  return pud;
}

/** The fingerprint that wrote with `client`, read straight from the document; null if unknown. */
export function authorOfClient(doc: Y.Doc, client: number): string | null {
  const users = doc.getMap(USERS);
  for (const [fingerprint, user] of users) {
    if (!(user instanceof Y.Map)) continue;
    const ids = user.get('ids');
    if (ids instanceof Y.Array && ids.toArray().includes(client)) return fingerprint;
  }
  return null;
}

/** Who wrote with `client`, as far as this device can prove it: the fingerprint and whether a signed claim backs it. */
export interface ClientAuthor {
  fingerprint: string | null;
  /** True only when a verified claim (core/clientClaims.ts) binds the client id to this key; `users` is never proof. */
  verified: boolean;
}

/**
 * The author of `client` from verified claims (`owners`, from verifyClaims); without one, the fingerprint the `users`
 * map names, marked unverified, so a screen can say so.
 */
export function verifiedAuthorOfClient(doc: Y.Doc, owners: ReadonlyMap<number, string>, client: number): ClientAuthor {
  const owner = owners.get(client);
  if (owner !== undefined) return { fingerprint: owner, verified: true };
  return { fingerprint: authorOfClient(doc, client), verified: false };
}
