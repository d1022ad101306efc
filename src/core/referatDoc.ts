// Creates the Y.Doc for a referat and gives typed access to its top-level types.
import * as Y from 'yjs';
import { APPROVALS, BODY, META, PARTICIPANTS } from './docLayout';

/** History and attribution need every deleted item kept, so garbage collection is off. */
export function newReferatDoc(guid?: string): Y.Doc {
  return new Y.Doc(guid === undefined ? { gc: false } : { gc: false, guid });
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META);
}

export function participantsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(PARTICIPANTS);
}

export function bodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(BODY);
}

export function approvalsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(APPROVALS);
}
