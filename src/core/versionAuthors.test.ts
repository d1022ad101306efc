import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordAuthorship } from './authorship';
import { TEMPLATE_CLIENT_ID } from './templateUpdate';
import { parseAuthorKey, TEMPLATE_AUTHOR, UNKNOWN_AUTHOR, versionAuthors } from './versionAuthors';
import { diffVersions, tallyByAuthor } from './versionDiff';

const METTE = 'a'.repeat(64);
const EVE = 'e'.repeat(64);

function paragraphWith(doc: Y.Doc, text: string): Y.XmlText {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  doc.getXmlFragment('body').push([p]);
  t.insert(0, text);
  return t;
}

describe('version authors', () => {
  it('names a verified key, marks a users-map name as unverified, and never credits deletions without a verified record', async () => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = 11;
    recordAuthorship(doc, METTE);
    const t = paragraphWith(doc, 'Kommunens tekst');
    const before = Y.snapshot(doc);
    // A second client writes under Eve's name in `users`: no claim backs it.
    const other = new Y.Doc({ gc: false });
    other.clientID = 22;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    recordAuthorship(other, EVE);
    ((other.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Eves ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    // Mette deletes her own "tekst": "Eves Kommunens tekst".
    t.delete(15, 5);
    await new Promise((r) => setTimeout(r, 10)); // PermanentUserData records deletions after the transaction.
    const owners = new Map([[11, METTE]]);
    const diff = diffVersions(doc.getXmlFragment('body'), before, Y.snapshot(doc), versionAuthors(doc, owners));
    const tally = tallyByAuthor(diff).map((x) => ({ ...parseAuthorKey(x.by), inserted: x.inserted, deleted: x.deleted }));
    expect(tally).toEqual([
      { fingerprint: METTE, verified: true, inserted: 0, deleted: 5 },
      { fingerprint: EVE, verified: false, inserted: 5, deleted: 0 },
    ]);
    // Without a verified claim for client 11, the same changes are no one's proven work.
    const unproven = tallyByAuthor(diffVersions(doc.getXmlFragment('body'), before, Y.snapshot(doc), versionAuthors(doc, new Map())));
    expect(unproven.map((x) => [parseAuthorKey(x.by), x.inserted, x.deleted])).toEqual([
      [{ fingerprint: null, verified: false }, 0, 5],
      [{ fingerprint: EVE, verified: false }, 5, 0],
    ]);
    expect(parseAuthorKey(UNKNOWN_AUTHOR)).toEqual({ fingerprint: null, verified: false });
  });

  it('credits the seeded template to no person', () => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = TEMPLATE_CLIENT_ID;
    paragraphWith(doc, 'Godkendelse af dagsorden');
    doc.clientID = 11;
    paragraphWith(doc, 'Mettes tekst');
    const keys = tallyByAuthor(diffVersions(doc.getXmlFragment('body'), Y.emptySnapshot, Y.snapshot(doc), versionAuthors(doc, new Map([[11, METTE]])))).map((t) => t.by);
    expect(keys.toSorted()).toEqual([METTE, TEMPLATE_AUTHOR].toSorted());
    expect(parseAuthorKey(TEMPLATE_AUTHOR)).toEqual({ template: true, fingerprint: null, verified: false });
  });
});
