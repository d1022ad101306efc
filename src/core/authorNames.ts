// The names a referat gives the keys that wrote in it, newest statement last: from participants linked to a key,
// approvals, reopenings and named versions. What the document says, not proof: the key directory says who is confirmed.
import type * as Y from 'yjs';
import { readApprovals } from './approvals';
import { readNamedVersions } from './namedVersions';
import { readParticipants } from './participants';
import { readReopenings } from './reopenings';

export interface AuthorName {
  name: string;
  organisation: string;
}

export function authorNames(doc: Y.Doc): Map<string, AuthorName> {
  const names = new Map<string, AuthorName>();
  const add = (fingerprint: string | null, name: string, organisation: string) => {
    if (fingerprint && name.trim() !== '') names.set(fingerprint, { name: name.trim(), organisation: organisation.trim() });
  };
  for (const p of readParticipants(doc)) add(p.fingerprint, p.name, p.organisation);
  const signed = [...readApprovals(doc).map((a) => ({ ...a, at: a.approvedAt })), ...readReopenings(doc).map((r) => ({ ...r, at: r.reopenedAt })), ...readNamedVersions(doc).map((v) => ({ ...v, at: v.createdAt }))];
  for (const s of signed.toSorted((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) add(s.fingerprint, s.name, s.organisation);
  return names;
}
