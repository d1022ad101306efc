import { describe, expect, it } from 'vitest';
import { participantLabels } from './participantLabels';

describe('short, unique names for participant rows', () => {
  it('uses the name, adds the organisation for a shared name, and the row number when that is shared too', () => {
    const rows = [
      { name: 'Mette Sørensen', organisation: 'Aarhus Kommune' },
      { name: 'Lars Holm', organisation: 'Aarhus Kommune' },
      { name: 'lars  holm', organisation: 'Medialogic A/S' },
      { name: '', organisation: '' },
      { name: 'Bo Lund', organisation: '' },
      { name: 'Bo Lund', organisation: '' },
    ];
    expect(participantLabels(rows, (n) => `deltager ${n}`)).toEqual([
      'Mette Sørensen',
      'Lars Holm, Aarhus Kommune',
      'lars  holm, Medialogic A/S',
      'deltager 4',
      'Bo Lund (5)',
      'Bo Lund (6)',
    ]);
  });
});
