// Who wrote what: maps this session's Yjs client id to the author's key fingerprint (Yjs PermanentUserData,
// stored in the top-level map `users`), so history and imports can name the person behind each change.
import * as Y from 'yjs';

export const USERS = 'users';

export function recordAuthorship(doc: Y.Doc, fingerprint: string): Y.PermanentUserData {
  const pud = new Y.PermanentUserData(doc, doc.getMap(USERS));
  pud.setUserMapping(doc, doc.clientID, fingerprint);
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
