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
