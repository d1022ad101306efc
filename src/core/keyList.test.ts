import { describe, expect, it } from 'vitest';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { keyFingerprint } from './fingerprint';
import { keyDirectory, type KnownKey } from './knownKey';
import { KeyListError, MAX_KEY_LIST_BYTES, MAX_KEY_LIST_KEYS, parseKeyList, signKeyList, verifyKeyList, type KeyListDraft } from './keyList';

const NOW = new Date('2026-05-01T12:00:00Z');
const JENS = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';
const ANNE = 'B000 0000 0000 0000 0000 0000 0000 0001';
const enc = (s: string) => new TextEncoder().encode(s);

const draft: KeyListDraft = {
  organisation: 'Holstebro Kommune',
  organisationKind: 'kommune',
  administratorName: 'Maria Admin',
  issuedAt: new Date('2026-04-30T09:00:00Z'),
  keys: [
    { name: 'Jens Hansen', fingerprint: JENS, validFrom: '2026-01-01', validTo: '' },
    { name: 'Anne Berg', fingerprint: ANNE, validFrom: '', validTo: '2026-12-31' },
  ],
};

async function adminKey(signer: TestSigner, organisation = 'Holstebro kommune'): Promise<KnownKey> {
  return {
    fingerprint: await keyFingerprint(signer.publicKey),
    name: 'Maria Admin',
    organisation,
    organisationKind: 'kommune',
    confirmedBy: 'inPerson',
    confirmedAt: '2026-04-01T00:00:00.000Z',
  };
}

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<KeyListError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof KeyListError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('organisation key lists', () => {
  for (const algorithm of ['Ed25519', 'ECDSA-P256'] as const) {
    it(`verifies a valid list signed with ${algorithm}, and its keys become confirmed for the confirmed organisation`, async () => {
      const admin = await createTestSigner(algorithm);
      const text = await signKeyList(draft, admin);
      const dir = keyDirectory([await adminKey(admin)]);
      const verified = await verifyKeyList(enc(text), dir, { now: NOW });
      expect(verified.list.organisation).toBe('Holstebro Kommune');
      expect(verified.keys).toEqual([
        { fingerprint: JENS, name: 'Jens Hansen', organisation: 'Holstebro kommune', organisationKind: 'kommune', confirmedBy: 'keyList', confirmedAt: NOW.toISOString(), via: verified.administrator.fingerprint, validFrom: '2026-01-01', validTo: '' },
        { fingerprint: ANNE, name: 'Anne Berg', organisation: 'Holstebro kommune', organisationKind: 'kommune', confirmedBy: 'keyList', confirmedAt: NOW.toISOString(), via: verified.administrator.fingerprint, validFrom: '', validTo: '2026-12-31' },
      ]);
      expect(JSON.parse(text)).toMatchObject({ format: 'referat-keylist/1', administrator: { name: 'Maria Admin', algorithm } });
    });
  }

  it('refuses an unsigned list', async () => {
    const admin = await createTestSigner('Ed25519');
    const { signature: _, ...unsigned } = JSON.parse(await signKeyList(draft, admin)) as Record<string, unknown>;
    const dir = keyDirectory([await adminKey(admin)]);
    expect((await refusal(verifyKeyList(enc(JSON.stringify(unsigned)), dir, { now: NOW }))).code).toBe('unsigned');
    expect((await refusal(verifyKeyList(enc(JSON.stringify({ ...unsigned, signature: '' })), dir, { now: NOW }))).code).toBe('unsigned');
  });

  it('refuses a tampered list: a changed name, an added key, a swapped administrator key or fingerprint', async () => {
    const admin = await createTestSigner('Ed25519');
    const other = await createTestSigner('Ed25519');
    const list = JSON.parse(await signKeyList(draft, admin)) as { keys: Array<Record<string, string>>; administrator: Record<string, unknown>; signature: string; organisation: string };
    const dir = keyDirectory([await adminKey(admin)]);
    const tampered = [
      { ...list, keys: [{ ...list.keys[0], name: 'Vendor Person' }, list.keys[1]] },
      { ...list, keys: [...list.keys, { name: 'Mallory', fingerprint: 'C000 0000 0000 0000 0000 0000 0000 0001', validFrom: '', validTo: '' }] },
      { ...list, administrator: { ...list.administrator, publicKey: other.publicKey } },
      { ...list, administrator: { ...list.administrator, fingerprint: await keyFingerprint(other.publicKey) } },
      { ...list, signature: 'AAAA' },
      { ...list, signature: '!!not base64!!' },
    ];
    for (const t of tampered) {
      const pub = t.administrator.publicKey as JsonWebKey;
      if (pub === other.publicKey) t.administrator.publicKey = { kty: pub.kty, crv: pub.crv, x: pub.x };
      expect((await refusal(verifyKeyList(enc(JSON.stringify(t)), dir, { now: NOW }))).code).toBe('badSignature');
    }
  });

  it('refuses a list whose administrator key is not confirmed, or revoked, on this device', async () => {
    const admin = await createTestSigner('Ed25519');
    const text = await signKeyList(draft, admin);
    expect((await refusal(verifyKeyList(enc(text), keyDirectory([]), { now: NOW }))).code).toBe('adminNotConfirmed');
    const revoked = { ...(await adminKey(admin)), revokedAt: '2026-04-20T00:00:00.000Z' };
    expect((await refusal(verifyKeyList(enc(text), keyDirectory([revoked]), { now: NOW }))).code).toBe('adminNotConfirmed');
  });

  it('refuses a list naming another organisation than the administrator is confirmed for', async () => {
    const admin = await createTestSigner('Ed25519');
    const text = await signKeyList(draft, admin);
    const dir = keyDirectory([await adminKey(admin, 'IT-Leverandøren A/S')]);
    expect((await refusal(verifyKeyList(enc(text), dir, { now: NOW }))).code).toBe('wrongOrganisation');
  });

  it('refuses a list whose every key has expired, and accepts it when one key is still valid', async () => {
    const admin = await createTestSigner('Ed25519');
    const dir = keyDirectory([await adminKey(admin)]);
    const expired = await signKeyList({ ...draft, keys: draft.keys.map((k) => ({ ...k, validFrom: '2025-01-01', validTo: '2025-12-31' })) }, admin);
    expect((await refusal(verifyKeyList(enc(expired), dir, { now: NOW }))).code).toBe('expired');
    const oneLeft = await signKeyList({ ...draft, keys: [{ ...draft.keys[0]!, validTo: '2025-12-31', validFrom: '' }, draft.keys[1]!] }, admin);
    expect((await verifyKeyList(enc(oneLeft), dir, { now: NOW })).keys).toHaveLength(2);
  });

  it('refuses malformed files before looking at signatures', async () => {
    const admin = await createTestSigner('Ed25519');
    const list = JSON.parse(await signKeyList(draft, admin)) as Record<string, unknown> & { keys: unknown[] };
    const key = (i: number) => ({ name: `K${i}`, fingerprint: (i.toString(16).toUpperCase().padStart(32, '0').match(/.{4}/g) ?? []).join(' '), validFrom: '', validTo: '' });
    const cases: Array<[string, Uint8Array]> = [
      ['not JSON', enc('{"format":')],
      ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
      ['an array', enc('[]')],
      ['wrong format', enc(JSON.stringify({ ...list, format: 'referat-keylist/2' }))],
      ['extra member', enc(JSON.stringify({ ...list, note: 'x' }))],
      ['no organisation', enc(JSON.stringify({ ...list, organisation: ' ' }))],
      ['bad kind', enc(JSON.stringify({ ...list, organisationKind: 'firma' }))],
      ['bad issuedAt', enc(JSON.stringify({ ...list, issuedAt: 'yesterday' }))],
      ['private key member', enc(JSON.stringify({ ...list, administrator: { ...(list.administrator as object), publicKey: admin.privateJwk } }))],
      ['bad fingerprint', enc(JSON.stringify({ ...list, keys: [{ ...(list.keys[0] as object), fingerprint: 'a3f9' }] }))],
      ['bad date', enc(JSON.stringify({ ...list, keys: [{ ...(list.keys[0] as object), validTo: '2026-13-01' }] }))],
      ['from after to', enc(JSON.stringify({ ...list, keys: [{ ...(list.keys[0] as object), validFrom: '2026-05-01', validTo: '2026-04-01' }] }))],
      ['duplicate key', enc(JSON.stringify({ ...list, keys: [list.keys[0], list.keys[0]] }))],
      ['no keys', enc(JSON.stringify({ ...list, keys: [] }))],
      ['too many keys', enc(JSON.stringify({ ...list, keys: Array.from({ length: MAX_KEY_LIST_KEYS + 1 }, (_, i) => key(i)) }))],
      ['too big', new Uint8Array(MAX_KEY_LIST_BYTES + 1).fill(0x20)],
    ];
    for (const [what, bytes] of cases) {
      const e = await refusal(() => parseKeyList(bytes));
      expect(e.code, what).toBe('malformed');
    }
  });

  it('refuses to sign a draft a reader would refuse', async () => {
    const admin = await createTestSigner('Ed25519');
    expect((await refusal(signKeyList({ ...draft, keys: [] }, admin))).code).toBe('malformed');
    expect((await refusal(signKeyList({ ...draft, organisation: '' }, admin))).code).toBe('malformed');
  });
});
