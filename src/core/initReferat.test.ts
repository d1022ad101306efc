import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { FORMAT_VERSION } from './formatVersion';
import { initReferat } from './initReferat';
import { readMeta } from './meta';
import { readParticipants } from './participants';
import { newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

const creator = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

function created(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: 'x', title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator });
  return doc;
}

describe('initReferat', () => {
  it('writes the format version, the meeting details, the creator and the template', () => {
    const doc = created();
    expect(readMeta(doc)).toEqual({
      formatVersion: FORMAT_VERSION,
      id: 'x',
      title: 'Driftsmøde',
      date: '2026-03-04',
      startTime: '',
      endTime: '',
      location: '',
      status: 'draft',
      createdAt: '2026-03-04T09:00:00.000Z',
      template: 'standard@2',
    });
    expect(readParticipants(doc).map(({ id: _id, ...p }) => p)).toEqual([{ ...creator, role: '', present: true, fingerprint: null }]);
    expect(bodyText(doc).split('\n')[0]).toBe('Godkendelse af dagsorden');
  });

  it('refuses to initialise a document twice, leaving it unchanged', () => {
    const doc = created();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => initReferat(doc, { id: 'y', title: 'Andet', date: '', createdAt: '', template: STANDARD_TEMPLATE, creator })).toThrow(/already/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
