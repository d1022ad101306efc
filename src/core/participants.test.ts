import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addParticipant, readParticipants, removeParticipant, updateParticipant } from './participants';
import { newReferatDoc, participantsArray } from './referatDoc';

const anna = { name: 'Anna Berg', organisation: 'Odense Kommune', organisationKind: 'kommune' as const, role: 'Referent', present: true };
const unkeyed = { fingerprint: null };

describe('participants', () => {
  it('adds, updates and removes people', () => {
    const doc = newReferatDoc();
    const id = addParticipant(doc, anna);
    const id2 = addParticipant(doc, { ...anna, name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' });
    updateParticipant(doc, id, { present: false, role: 'Formand' });
    expect(readParticipants(doc)).toEqual([
      { ...anna, ...unkeyed, id, present: false, role: 'Formand' },
      { ...anna, ...unkeyed, id: id2, name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' },
    ]);
    removeParticipant(doc, id);
    expect(readParticipants(doc).map((p) => p.name)).toEqual(['Bo Lund']);
  });

  it('rejects bad values and leaves the list as it was', () => {
    const doc = newReferatDoc();
    const id = addParticipant(doc, anna);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => updateParticipant(doc, id, { name: 'x'.repeat(201) })).toThrow(RangeError);
    expect(() => updateParticipant(doc, id, { organisationKind: 'firma' as never })).toThrow(RangeError);
    expect(() => updateParticipant(doc, 'missing', { name: 'X' })).toThrow(RangeError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('merges concurrent edits to different fields of one person, and skips malformed entries', () => {
    const a = newReferatDoc();
    const id = addParticipant(a, anna);
    const b = newReferatDoc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateParticipant(a, id, { role: 'Mødeleder' });
    updateParticipant(b, id, { present: false });
    participantsArray(b).push([new Y.Map()]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readParticipants(a)).toEqual([{ ...anna, ...unkeyed, id, role: 'Mødeleder', present: false }]);
    expect(readParticipants(b)).toEqual(readParticipants(a));
  });
});
