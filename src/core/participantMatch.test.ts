import { describe, expect, it } from 'vitest';
import { duplicatePairs, matchOwnRow, organisationRelation, personName, personRelation } from './participantMatch';
import type { Participant } from './participants';

let n = 0;
const row = (name: string, organisation: string, fingerprint: string | null = null): Participant => ({
  id: `p${++n}`,
  name,
  organisation,
  organisationKind: 'andet',
  role: '',
  present: true,
  fingerprint,
});
const lars = { name: 'Lars Holm', organisation: 'Medialogic A/S', fingerprint: 'LARS' };

describe('who a participant row names', () => {
  it('reads an organisation typed into the name field', () => {
    expect(personName({ name: 'Lars Holm, Medialogic A/S', organisation: '' })).toEqual({ name: 'Lars Holm', organisation: 'Medialogic A/S' });
    expect(personName({ name: 'Lars Holm (Medialogic A/S)', organisation: '' })).toEqual({ name: 'Lars Holm', organisation: 'Medialogic A/S' });
    expect(personName({ name: 'Lars Holm / Medialogic A/S', organisation: '' })).toEqual({ name: 'Lars Holm', organisation: 'Medialogic A/S' });
    expect(personName({ name: 'Lars Holm, Medialogic A/S', organisation: 'medialogic a/s' })).toEqual({ name: 'Lars Holm', organisation: 'medialogic a/s' });
    // A double name or a legal form with a slash is not a separator; another organisation in the field keeps the name whole.
    expect(personName({ name: 'Hans-Peter Aagaard', organisation: 'Medialogic A/S' })).toEqual({ name: 'Hans-Peter Aagaard', organisation: 'Medialogic A/S' });
    expect(personName({ name: 'Holm, Lars', organisation: 'Medialogic A/S' })).toEqual({ name: 'Holm, Lars', organisation: 'Medialogic A/S' });
  });

  it('compares organisations folded, and is unsure about an empty one or one a legal form apart', () => {
    expect(organisationRelation('Medialogic A/S', '  medialogic   a/s ')).toBe('same');
    expect(organisationRelation('Aabenraa Kommune', 'Åbenrå kommune')).toBe('same');
    expect(organisationRelation('Medialogic', 'Medialogic A/S')).toBe('unsure');
    expect(organisationRelation('', 'Medialogic A/S')).toBe('unsure');
    expect(organisationRelation('Systemhuset A/S', 'Medialogic A/S')).toBe('different');
    expect(personRelation({ name: 'LARS  HOLM', organisation: 'Medialogic a/s' }, lars)).toBe('certain');
    expect(personRelation({ name: 'Lars Holm, Medialogic A/S', organisation: '' }, lars)).toBe('certain');
    expect(personRelation({ name: 'Lars Holm', organisation: '' }, lars)).toBe('unsure');
    expect(personRelation({ name: 'Lars Holm', organisation: 'Aarhus Kommune' }, lars)).toBe('none');
    expect(personRelation({ name: 'Lars Hansen', organisation: 'Medialogic A/S' }, lars)).toBe('none');
    expect(personRelation({ name: '', organisation: 'Medialogic A/S' }, { name: '', organisation: 'Medialogic A/S' })).toBe('none');
  });
});

describe('where a key-holder belongs', () => {
  it('finds the one row typed for the person, however it was typed', () => {
    for (const typed of [row('Lars Holm', 'Medialogic A/S'), row(' lars holm ', 'MEDIALOGIC A/S'), row('Lars Holm, Medialogic A/S', '')]) {
      expect(matchOwnRow([row('Mette Sørensen', 'Aarhus Kommune'), typed], lars)).toEqual({ kind: 'certain', id: typed.id });
    }
  });

  it('is linked already when a row carries the key, whatever its name', () => {
    const mine = row('L. Holm', 'Medialogic', 'LARS');
    expect(matchOwnRow([row('Lars Holm', 'Medialogic A/S'), mine], lars)).toEqual({ kind: 'linked', id: mine.id });
  });

  it('asks when unsure: an empty or nearly equal organisation, or two rows that both fit', () => {
    const bare = row('Lars Holm', '');
    expect(matchOwnRow([bare], lars)).toEqual({ kind: 'unsure', ids: [bare.id] });
    const short = row('Lars Holm', 'Medialogic');
    expect(matchOwnRow([short], lars)).toEqual({ kind: 'unsure', ids: [short.id] });
    const [one, two] = [row('Lars Holm', 'Medialogic A/S'), row('lars holm', 'Medialogic A/S')];
    expect(matchOwnRow([one, two], lars)).toEqual({ kind: 'unsure', ids: [one.id, two.id] });
    expect(matchOwnRow([row('Lars Hansen', 'Medialogic A/S')], lars)).toEqual({ kind: 'none' });
  });

  it('never offers a row with another key or of another organisation to a profile named like it', () => {
    // Eve names herself Lars Holm of Medialogic: the real Lars's row carries his key, so she is offered nothing.
    const eve = { name: 'Lars Holm', organisation: 'Medialogic A/S', fingerprint: 'EVE' };
    expect(matchOwnRow([row('Lars Holm', 'Medialogic A/S', 'LARS')], eve)).toEqual({ kind: 'none' });
    // Eve of another firm with the municipality's clerk's name: the clerk's row is not hers, nor is it a question.
    const eveElsewhere = { name: 'Mette Sørensen', organisation: 'Andet Firma ApS', fingerprint: 'EVE' };
    expect(matchOwnRow([row('Mette Sørensen', 'Aarhus Kommune')], eveElsewhere)).toEqual({ kind: 'none' });
    // And a row already keyed is never among the unsure ones either.
    expect(matchOwnRow([row('Lars Holm', '', 'LARS'), row('Lars Holm', 'Medialogic A/S', 'OTHER')], eve)).toEqual({ kind: 'none' });
  });
});

describe('rows that are already one person twice', () => {
  it('pairs the typed row with the keyed one, and asks about an unsure organisation', () => {
    const typed = row('Lars Holm, Medialogic A/S', '');
    const keyed = row('Lars Holm', 'Medialogic A/S', 'LARS');
    const bare = row('Mette Sørensen', '');
    const mette = row('Mette Sørensen', 'Aarhus Kommune', 'METTE');
    expect(duplicatePairs([typed, bare, keyed, mette]).map((p) => [p.keep.id, p.other.id, p.relation])).toEqual([
      [typed.id, keyed.id, 'certain'],
      [bare.id, mette.id, 'unsure'],
    ]);
  });

  it('never pairs two different keys or two organisations', () => {
    expect(duplicatePairs([row('Lars Holm', 'Medialogic A/S', 'LARS'), row('Lars Holm', 'Medialogic A/S', 'EVE')])).toEqual([]);
    expect(duplicatePairs([row('Lars Holm', 'Medialogic A/S'), row('Lars Holm', 'Aarhus Kommune', 'LARS2')])).toEqual([]);
    expect(duplicatePairs([row('', ''), row('', '')])).toEqual([]);
  });

  it('offers a bounded number of pairs for a list flooded with one name', () => {
    const flood = Array.from({ length: 3000 }, () => row('Lars Holm', 'Medialogic A/S'));
    expect(duplicatePairs(flood)).toHaveLength(20);
  });
});
