import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { approve } from './approve';
import { base64ToBytes, bytesToBase64 } from './base64';
import { contentHash } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { initReferat } from './initReferat';
import type { Profile } from './profile';
import { newReferatDoc } from './referatDoc';
import { knownReopenings, readReopenings, reopen, supersedes, verifiedReopenings, verifyReopening } from './reopen';
import { reopeningsArray } from './reopenings';
import { STANDARD_TEMPLATE } from './templates';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const BO: Profile = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' };

function referat(id = '6f1c2b1e-0000-4000-8000-000000000001'): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Styregruppemøde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: METTE });
  return doc;
}

const approvalState = (members: Readonly<Record<string, unknown>>) => Y.decodeStateVector(base64ToBytes(members.stateVector as string) ?? new Uint8Array());

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('reopen', () => {
  for (const algorithm of ['Ed25519', 'ECDSA-P256'] as const) {
    it(`records a signed reopening (${algorithm}) that verifies on another copy and changes no content`, async () => {
      const doc = referat();
      const signer = await createTestSigner(algorithm);
      const hash = contentHash(doc);
      const sv = Y.encodeStateVector(doc);
      const r = await reopen(doc, METTE, signer, new Date('2026-03-05T09:00:00Z'));
      expect(r).toMatchObject({
        name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune', reopenedAt: '2026-03-05T09:00:00.000Z',
        contentHash: hash, fingerprint: await keyFingerprint(signer.publicKey),
      });
      expect(Object.keys(r.members).toSorted()).toEqual([
        'algorithm', 'contentHash', 'fingerprint', 'id', 'name', 'organisation', 'organisationKind', 'publicKey', 'referatId', 'reopenedAt', 'signature', 'stateVector',
      ]);
      expect(r.members.stateVector).toBe(bytesToBase64(sv));
      expect(contentHash(doc)).toBe(hash);
      const copy = copyOf(doc);
      expect(readReopenings(copy)).toHaveLength(1);
      expect(await verifyReopening(readReopenings(copy)[0]!.members)).toBe(true);
      expect((await verifiedReopenings(copy)).map((m) => m.reopening.id)).toEqual([r.id]);
      expect(knownReopenings(copy).map((m) => m.reopening.id)).toEqual([r.id]);
    });
  }

  it('refuses an unusable profile and writes nothing', async () => {
    const doc = referat();
    const before = Y.encodeStateVector(doc);
    await expect(reopen(doc, { ...METTE, name: ' ' }, await createTestSigner('Ed25519'))).rejects.toThrow(RangeError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('a tampered, unsigned or malformed entry does not verify and does not count; the array may hold anything', async () => {
    const doc = referat();
    const r = await reopen(doc, METTE, await createTestSigner('Ed25519'));
    for (const [key, value] of [
      ['name', 'Eva Falsk'], ['stateVector', bytesToBase64(new Uint8Array([1, 5, 200, 1]))], ['signature', ''], ['referatId', 'Ikke et id'],
      ['publicKey', { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }], ['algorithm', 'RSA'], ['fingerprint', 'AAAA'],
    ] as const) {
      expect(await verifyReopening({ ...r.members, [key]: value })).toBe(false);
    }
    const forged = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of Object.entries(r.members)) forged.set(k, v);
      forged.set('id', globalThis.crypto.randomUUID());
      forged.set('organisation', 'Holstebro Kommune');
      reopeningsArray(doc).push([forged]);
      (doc.getArray('reopenings') as Y.Array<unknown>).push(['ikke et kort', 7, new Y.Map()]);
    });
    expect(readReopenings(doc)).toHaveLength(2);
    expect((await verifiedReopenings(doc)).map((m) => m.reopening.id)).toEqual([r.id]);
  });

  it('a reopening replayed into another referat does not count there', async () => {
    const a = referat('6f1c2b1e-0000-4000-8000-00000000000a');
    const r = await reopen(a, METTE, await createTestSigner('Ed25519'));
    const b = referat('6f1c2b1e-0000-4000-8000-00000000000b');
    const entry = new Y.Map<unknown>();
    b.transact(() => {
      for (const [k, v] of Object.entries(r.members)) entry.set(k, v);
      reopeningsArray(b).push([entry]);
    });
    expect(await verifyReopening(readReopenings(b)[0]!.members)).toBe(true);
    expect(await verifiedReopenings(b)).toEqual([]);
  });

  it('supersedes the approvals it had seen, not those made after it, even when it claims a state from the future', async () => {
    const doc = referat();
    const first = await approve(doc, METTE, await createTestSigner('Ed25519'));
    const second = await approve(doc, BO, await createTestSigner('Ed25519'));
    await reopen(doc, METTE, await createTestSigner('Ed25519'));
    const later = await approve(doc, BO, await createTestSigner('Ed25519'));
    const [mark] = await verifiedReopenings(doc);
    if (!mark) throw new Error('no valid reopening');
    expect(supersedes(mark, approvalState(first.members))).toBe(true);
    expect(supersedes(mark, approvalState(second.members))).toBe(true);
    expect(supersedes(mark, approvalState(later.members))).toBe(false);
    const bigClock = new Map([...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([c, k]) => [c, k + 1000]));
    // A claimed state far beyond what exists still does not reach an approval made after the reopening was seen.
    const claimed = { stateVector: encodeSv(bigClock), entryId: mark.entryId };
    expect(supersedes(claimed, approvalState(later.members))).toBe(false);
    expect(supersedes({ stateVector: new Uint8Array([255]), entryId: null }, approvalState(first.members))).toBe(false);
  });
});

/** Encodes a state vector the way Yjs does (varuint count, then client and clock pairs). */
function encodeSv(sv: Map<number, number>): Uint8Array {
  const out: number[] = [];
  const varuint = (n: number) => {
    while (n > 0x7f) {
      out.push(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  varuint(sv.size);
  for (const [client, clock] of sv) {
    varuint(client);
    varuint(clock);
  }
  return new Uint8Array(out);
}
