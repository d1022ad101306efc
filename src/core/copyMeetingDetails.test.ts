import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { copyMeetingDetails } from './copyMeetingDetails';
import { initReferat } from './initReferat';
import { readMeta, setMetaField } from './meta';
import { linkOwnParticipant } from './participantKeys';
import { addParticipant, readParticipants, updateParticipant } from './participants';
import { newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

const mette = { name: 'Mette Sørensen', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const lars = { name: 'Lars Holm', organisation: 'Medialogic A/S', organisationKind: 'leverandoer' as const, fingerprint: 'LARS', publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'l' } };

function referat(creator = mette): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: crypto.randomUUID(), title: 'Styregruppemøde 11', date: '2026-12-06', createdAt: '2026-12-06T10:00:00Z', template: STANDARD_TEMPLATE, creator });
  return doc;
}

describe('what the next meeting copies', () => {
  it('copies every participant as present, with roles and keys, the place and the times, and lists the creator once', () => {
    const prev = referat();
    const absent = addParticipant(prev, { name: 'Lars Holm', organisation: 'Medialogic A/S', organisationKind: 'leverandoer', role: 'Projektleder', present: false });
    linkOwnParticipant(prev, lars);
    addParticipant(prev, { name: '', organisation: '', organisationKind: 'andet', role: '', present: true });
    setMetaField(prev, 'location', 'Rådhuset, mødelokale 2');
    setMetaField(prev, 'startTime', '10:00');
    setMetaField(prev, 'endTime', '12:00');
    updateParticipant(prev, absent, { present: false });

    const next = referat();
    copyMeetingDetails(prev, next, mette);
    expect(readParticipants(next).map((p) => [p.name, p.organisation, p.role, p.present, p.fingerprint])).toEqual([
      ['Mette Sørensen', 'Aarhus Kommune', '', true, null],
      ['Lars Holm', 'Medialogic A/S', 'Projektleder', true, 'LARS'],
    ]);
    expect(readParticipants(next)[1]!.id).not.toBe(absent);
    expect(readMeta(next)).toMatchObject({ location: 'Rådhuset, mødelokale 2', startTime: '10:00', endTime: '12:00' });
  });

  it('keeps a creator who was not at the last meeting, after the others', () => {
    const prev = referat();
    const next = referat({ name: 'Ny Referent', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });
    copyMeetingDetails(prev, next, { name: 'Ny Referent', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });
    expect(readParticipants(next).map((p) => p.name)).toEqual(['Mette Sørensen', 'Ny Referent']);
  });
});
