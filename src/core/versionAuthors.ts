// Who made each change in a version diff, as far as this copy can prove it: a key fingerprint bound to the Yjs client
// id by a verified claim, else the name the `users` map gives, marked unverified, else unknown (docs/TRUST.md).
import type * as Y from 'yjs';
import { verifiedAuthorOfClient } from './authorship';
import { deletionIndex } from './deletionAuthor';
import { TEMPLATE_CLIENT_ID } from './templateUpdate';
import type { DiffAuthors } from './versionDiff';

export const UNKNOWN_AUTHOR = 'unknown';
/** The agenda template every device seeds identically (client TEMPLATE_CLIENT_ID): nobody's writing. */
export const TEMPLATE_AUTHOR = 'template';
const UNVERIFIED = 'unverified:';

export interface AuthorKey {
  /** True for the seeded template, written by no person. */
  template?: true;
  fingerprint: string | null;
  /** True only for a fingerprint bound by a verified claim (or a deletion record written under one). */
  verified: boolean;
}

export function parseAuthorKey(key: string): AuthorKey {
  if (key === UNKNOWN_AUTHOR) return { fingerprint: null, verified: false };
  if (key === TEMPLATE_AUTHOR) return { template: true, fingerprint: null, verified: false };
  if (key.startsWith(UNVERIFIED)) return { fingerprint: key.slice(UNVERIFIED.length), verified: false };
  return { fingerprint: key, verified: true };
}

/** Authors for diffVersions from verified claims (`owners`, from checkClaims) and the document's deletion records. */
export function versionAuthors(doc: Y.Doc, owners: ReadonlyMap<number, string>): DiffAuthors {
  const byClient = new Map<number, string>();
  const owner = (client: number) => owners.get(client) ?? null;
  // Built at the first deletion asked about: decoding every record once, not once per deleted run.
  let deleterOf: ((id: Y.ID) => string | null) | null = null;
  return {
    inserter(client) {
      if (client === TEMPLATE_CLIENT_ID) return TEMPLATE_AUTHOR;
      let key = byClient.get(client);
      if (key === undefined) {
        const a = verifiedAuthorOfClient(doc, owners, client);
        key = a.fingerprint === null ? UNKNOWN_AUTHOR : a.verified ? a.fingerprint : `${UNVERIFIED}${a.fingerprint}`;
        byClient.set(client, key);
      }
      return key;
    },
    deleter(id) {
      deleterOf ??= deletionIndex(doc, owner);
      return deleterOf(id) ?? UNKNOWN_AUTHOR;
    },
  };
}
