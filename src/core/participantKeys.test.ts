import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorOfClient, recordAuthorship } from './authorship';
import { addParticipant, readParticipants } from './participants';
import { linkOwnParticipant } from './participantKeys';
import { newReferatDoc } from './referatDoc';

const me = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' as const, fingerprint: 'AAAA BBBB', publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'abc' } };

describe('linking participants to keys', () => {
  it('links the matching participant by name and organisation, once', () => {
    const doc = newReferatDoc();
    addParticipant(doc, { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer', role: 'Driftschef', present: false });
    expect(linkOwnParticipant(doc, me)).toBe(true);
    expect(linkOwnParticipant(doc, me)).toBe(false);
    expect(readParticipants(doc)).toMatchObject([{ name: 'Bo Lund', role: 'Driftschef', present: false, fingerprint: 'AAAA BBBB' }]);
  });

  it('adds a participant for a key-holder who was not on the list', () => {
    const doc = newReferatDoc();
    addParticipant(doc, { name: 'Mette', organisation: 'Aarhus Kommune', organisationKind: 'kommune', role: '', present: true });
    linkOwnParticipant(doc, me);
    expect(readParticipants(doc).map((p) => `${p.name}:${p.fingerprint}`)).toEqual(['Mette:null', 'Bo Lund:AAAA BBBB']);
  });

  it('links the row the clerk typed, folded or with the organisation in the name field, and moves the organisation out', () => {
    for (const [name, organisation] of [['  bo lund ', 'SYSTEMHUSET A/S'], ['Bo Lund, Systemhuset A/S', '']] as const) {
      const doc = newReferatDoc();
      addParticipant(doc, { name, organisation, organisationKind: 'andet', role: '', present: true });
      expect(linkOwnParticipant(doc, me)).toBe(true);
      const [only, ...rest] = readParticipants(doc);
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ fingerprint: 'AAAA BBBB', organisation: organisation || 'Systemhuset A/S' });
    }
  });

  it('adds its own row when unsure, so the editor can ask, and never takes a row with another key or organisation', () => {
    const doc = newReferatDoc();
    addParticipant(doc, { name: 'Bo Lund', organisation: '', organisationKind: 'andet', role: '', present: true });
    addParticipant(doc, { name: 'Bo Lund', organisation: 'Aarhus Kommune', organisationKind: 'kommune', role: '', present: true });
    const keyed = { ...me, fingerprint: 'REAL BO' };
    linkOwnParticipant(doc, keyed);
    // Eve's profile copies Bo's name and organisation; Bo's row is taken, so she gets a row of her own.
    const eve = { ...me, fingerprint: 'EEEE EEEE' };
    linkOwnParticipant(doc, eve);
    expect(readParticipants(doc).map((p) => `${p.name}/${p.organisation}/${p.fingerprint}`)).toEqual([
      'Bo Lund//null',
      'Bo Lund/Aarhus Kommune/null',
      'Bo Lund/Systemhuset A/S/REAL BO',
      'Bo Lund/Systemhuset A/S/EEEE EEEE',
    ]);
  });

  it('records which client id wrote with which key, readable from another copy', () => {
    const doc = newReferatDoc();
    recordAuthorship(doc, me.fingerprint);
    doc.getText('x').insert(0, 'hej');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(authorOfClient(copy, doc.clientID)).toBe('AAAA BBBB');
    expect(authorOfClient(copy, 12345)).toBeNull();
  });
});
