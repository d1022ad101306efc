// A frozen referat with version-1 approval entries, written by the Referat before entry version 2: the entries stay
// readable and verifiable, and count only under the key rule (docs/TRUST.md).
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkTrust } from './checkTrust';
import { keyDirectory, type KnownKey } from './knownKey';
import type { OrganisationKind } from './profile';
import { newReferatDoc } from './referatDoc';

interface Fixture {
  update: string;
  keys: Array<{ name: string; organisation: string; organisationKind: OrganisationKind; fingerprint: string }>;
}

const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/approvals-v1.json', import.meta.url), 'utf8')) as Fixture;

function open(): Y.Doc {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, Buffer.from(fixture.update, 'base64'));
  return doc;
}

const confirmed = (k: Fixture['keys'][number]): KnownKey => ({ ...k, confirmedBy: 'inPerson', confirmedAt: '2026-11-01T00:00:00.000Z' });

describe('version-1 approvals (frozen fixture)', () => {
  it('verify, and count once both keys are confirmed on this device', async () => {
    const trust = await checkTrust(open(), keyDirectory(fixture.keys.map(confirmed)));
    expect(trust.approvals.map((a) => [a.name, a.entryVersion, a.valid, a.current, a.participantId])).toEqual([
      ['Mette Holm', 1, true, true, null],
      ['Bo Lund', 1, true, true, null],
    ]);
    expect(trust.status).toBe('approved');
  });

  it('count for nobody while the keys are unconfirmed, and for the vendor only when only its key is', async () => {
    expect((await checkTrust(open(), keyDirectory([]))).organisations.map((o) => o.state)).toEqual(['unconfirmedKey', 'unconfirmedKey']);
    const trust = await checkTrust(open(), keyDirectory([confirmed(fixture.keys[1]!)]));
    expect(trust.status).toBe('proposed');
    expect(trust.organisations).toEqual([
      { organisation: 'Aarhus Kommune', state: 'unconfirmedKey' },
      { organisation: 'Systemhuset A/S', state: 'approved' },
    ]);
  });
});
