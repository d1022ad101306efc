import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentHash } from './canonicalContent';
import { MergeRefusedError, mergeParticipants } from './mergeParticipants';
import { addParticipant, readParticipants } from './participants';
import { linkOwnParticipant } from './participantKeys';
import { newReferatDoc, participantsArray } from './referatDoc';

const lars = { name: 'Lars Holm', organisation: 'Medialogic A/S', organisationKind: 'leverandoer' as const, fingerprint: 'LARS', publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'lars' } };
const eve = { ...lars, fingerprint: 'EVE', publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'eve' } };

function typed(doc: Y.Doc, name: string, organisation: string, extra: { role?: string; present?: boolean } = {}): string {
  return addParticipant(doc, { name, organisation, organisationKind: 'andet', role: extra.role ?? '', present: extra.present ?? true });
}

describe('merging two rows of one person ("Flet")', () => {
  it('keeps the typed row in its place with the key, the presence and both roles, and loses nothing', () => {
    const doc = newReferatDoc();
    const mette = typed(doc, 'Mette Sørensen', 'Aarhus Kommune');
    const row = typed(doc, 'Lars Holm, Medialogic A/S', '', { role: 'Projektleder', present: false });
    // Lars's device could not see the typed row yet (an older copy), so it added its own.
    const other = addParticipant(doc, { name: 'Lars Holm', organisation: 'Medialogic A/S', organisationKind: 'leverandoer', role: 'Konsulent', present: true });
    participantsArray(doc).get(2).set('fingerprint', 'LARS');
    participantsArray(doc).get(2).set('publicKey', { ...lars.publicKey });

    const result = mergeParticipants(doc, row, other);
    expect(result).toEqual({ id: row, notKept: [] });
    expect(readParticipants(doc)).toEqual([
      expect.objectContaining({ id: mette }),
      { id: row, name: 'Lars Holm', organisation: 'Medialogic A/S', organisationKind: 'leverandoer', role: 'Projektleder, Konsulent', present: true, fingerprint: 'LARS' },
    ]);
    expect(participantsArray(doc).get(1).get('publicKey')).toEqual(lars.publicKey);
  });

  it('says what it could not keep: another spelling of the name', () => {
    const doc = newReferatDoc();
    const a = typed(doc, 'Lars Holm', 'Medialogic A/S');
    const b = typed(doc, 'Lars Holm', '');
    participantsArray(doc).get(1).set('name', 'Lars Holm');
    expect(mergeParticipants(doc, a, b).notKept).toEqual([]);
    const c = typed(doc, 'Lars Holm, Medialogic', '');
    expect(mergeParticipants(doc, a, c).notKept).toEqual([]);
  });

  it('refuses two different keys and two organisations, and changes nothing', () => {
    const doc = newReferatDoc();
    linkOwnParticipant(doc, lars);
    linkOwnParticipant(doc, eve);
    const [real, fake] = readParticipants(doc).map((p) => p.id);
    const other = typed(doc, 'Lars Holm', 'Aarhus Kommune');
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => mergeParticipants(doc, real!, fake!)).toThrow(MergeRefusedError);
    expect(() => mergeParticipants(doc, other, real!)).toThrow(expect.objectContaining({ reason: 'twoOrganisations' }));
    expect(() => mergeParticipants(doc, real!, real!)).toThrow(expect.objectContaining({ reason: 'missing' }));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('gives the same list on two devices that merge the same pair at once', () => {
    const a = newReferatDoc();
    const keep = typed(a, 'Lars Holm', 'Medialogic A/S');
    linkOwnParticipant(a, { ...lars, organisation: 'Medialogic' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const other = readParticipants(a)[1]!.id;
    mergeParticipants(a, keep, other);
    mergeParticipants(b, keep, other);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readParticipants(a)).toEqual(readParticipants(b));
    expect(readParticipants(a).map((p) => `${p.name}/${p.organisation}/${p.fingerprint}`)).toEqual(['Lars Holm/Medialogic A/S/LARS']);
    expect(contentHash(a)).toBe(contentHash(b));
  });
});
