import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { contentHash } from './canonicalContent';
import { initReferat } from './initReferat';
import type { Profile } from './profile';
import { bodyFragment, newReferatDoc } from './referatDoc';
import { knownValidVersionIds, readNamedVersions, saveNamedVersion, verifiedNamedVersions, versionsArray } from './namedVersions';
import { STANDARD_TEMPLATE } from './templates';
import { diffVersions } from './versionDiff';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const ID = '6f1c2b1e-0000-4000-8000-000000000001';

function referat(id = ID): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Styregruppemøde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: METTE });
  return doc;
}

const copyOf = (doc: Y.Doc) => {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  bodyFragment(doc).push([p]);
}

const allText = (diff: ReturnType<typeof diffVersions>): string => JSON.stringify(diff);

describe('named versions', () => {
  it('stores a signed version that survives a file exchange and a merge, and names the state it was made at', async () => {
    const doc = referat();
    const signer = await createTestSigner('Ed25519');
    appendParagraph(doc, 'Udkast til leverandøren');
    const hash = contentHash(doc);
    const saved = await saveNamedVersion(doc, '  Udkast sendt til leverandør ', METTE, signer, new Date('2026-03-05T09:00:00Z'));
    expect(saved).toMatchObject({ label: 'Udkast sendt til leverandør', name: 'Mette Holm', organisation: 'Aarhus Kommune', createdAt: '2026-03-05T09:00:00.000Z', contentHash: hash });
    expect(contentHash(doc)).toBe(hash);
    // The vendor's copy, through a file, writes on after the version; the municipality merges it back.
    const vendor = copyOf(doc);
    appendParagraph(vendor, 'Leverandørens tilføjelse');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(vendor));
    for (const copy of [vendor, doc, copyOf(doc)]) {
      const [v] = await verifiedNamedVersions(copy);
      expect(v?.id).toBe(saved.id);
      const diff = diffVersions(bodyFragment(copy), v!.snapshot, Y.snapshot(copy), { inserter: () => 'x', deleter: () => 'x' });
      expect(allText(diff)).toContain('Leverandørens tilføjelse');
      expect(allText(diff)).not.toMatch(/"change":"inserted"[^}]*Udkast til leverandøren/);
    }
  });

  it('refuses an empty or too long name, and writes nothing', async () => {
    const doc = referat();
    const signer = await createTestSigner('Ed25519');
    const before = Y.encodeStateVector(doc);
    await expect(saveNamedVersion(doc, '   ', METTE, signer)).rejects.toThrow(RangeError);
    await expect(saveNamedVersion(doc, 'x'.repeat(201), METTE, signer)).rejects.toThrow(RangeError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('does not count a version whose members were changed, or one copied from another referat', async () => {
    const doc = referat();
    const signer = await createTestSigner('ECDSA-P256');
    await saveNamedVersion(doc, 'Godkendt udkast', METTE, signer);
    // A hostile copy renames the version: the signature no longer covers it.
    const hostile = copyOf(doc);
    (versionsArray(hostile).get(0) as Y.Map<unknown>).set('label', 'Endelig version');
    expect(readNamedVersions(hostile).map((v) => v.label)).toEqual(['Endelig version']);
    expect(await verifiedNamedVersions(hostile)).toEqual([]);
    // The same entry replayed into another referat is not that referat's version.
    const other = referat('6f1c2b1e-0000-4000-8000-000000000002');
    const entry = new Y.Map<unknown>();
    for (const [k, v] of (versionsArray(doc).get(0) as Y.Map<unknown>).entries()) entry.set(k, v);
    versionsArray(other).push([entry]);
    expect(readNamedVersions(other)).toHaveLength(1);
    expect(await verifiedNamedVersions(other)).toEqual([]);
  });

  it('gives the verdicts this device already checked at once, the same as the check, and none it has not', async () => {
    const doc = referat();
    const signer = await createTestSigner('ECDSA-P256');
    const saved = await saveNamedVersion(doc, 'Udkast', METTE, signer);
    await verifiedNamedVersions(doc);
    // A copy holds the same entry: its verdict is known without waiting.
    const copy = copyOf(doc);
    expect(knownValidVersionIds(copy, readNamedVersions(copy))).toEqual(new Set([saved.id]));
    // A renamed entry has never been checked: unknown (not valid, not invalid) until the check has run.
    const hostile = copyOf(doc);
    (versionsArray(hostile).get(0) as Y.Map<unknown>).set('label', 'Endelig version');
    expect(knownValidVersionIds(hostile, readNamedVersions(hostile))).toBeNull();
    expect(await verifiedNamedVersions(hostile)).toEqual([]);
    expect(knownValidVersionIds(hostile, readNamedVersions(hostile))).toEqual(new Set());
    // A known good signature replayed into another referat is not that referat's version.
    const other = referat('6f1c2b1e-0000-4000-8000-000000000002');
    const entry = new Y.Map<unknown>();
    for (const [k, v] of (versionsArray(doc).get(0) as Y.Map<unknown>).entries()) entry.set(k, v);
    versionsArray(other).push([entry]);
    expect(knownValidVersionIds(other, readNamedVersions(other))).toEqual(new Set());
  });

  it('skips malformed entries without throwing', async () => {
    const doc = referat();
    const bad = new Y.Map<unknown>();
    bad.set('id', 'x');
    bad.set('snapshotV2', 'not base64!');
    versionsArray(doc).push([bad]);
    (doc.getArray('versions') as Y.Array<unknown>).push(['a string']);
    expect(readNamedVersions(doc)).toEqual([]);
    expect(await verifiedNamedVersions(doc)).toEqual([]);
  });
});
