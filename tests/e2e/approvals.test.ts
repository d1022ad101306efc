// Approvals (godkendelser) between devices under the trust model (docs/TRUST.md): a municipality and a vendor confirm
// each other's keys by fingerprint, both approve, both see "Godkendt"; a third profile that claims the municipality's
// name is shown as unconfirmed and never makes it "Godkendt"; a forged entry is invalid and counts for nothing.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { approvalsArray } from '../../src/core/referatDoc';
import { encodeReferatFile, parseReferatFile } from '../../src/core/referatFile';
import { createTestSigner } from '../../src/testSupport/testSigner';
import { ReferatApp } from './pages/ReferatApp';
import { SettingsKeys } from './pages/SettingsKeys';
import { useBrowserFixture } from './support/browserFixture';

const TITLE = 'Styregruppemøde 7';
type CopyFile = { name: string; bytes: Buffer };

describe('approvals', () => {
  const fx = useBrowserFixture();
  let kommune: ReferatApp;
  let vendor: ReferatApp;
  let impostor: ReferatApp;
  let docId = '';
  let finalCopy: CopyFile;
  // Three devices (browser profiles) that live through all the tests of this file, in order.
  let devices: BrowserContext[] = [];
  afterAll(() => Promise.all(devices.map((c) => c.close())));

  const openReferat = async (app: ReferatApp) => {
    await app.goto(`/r/${docId}`);
    await app.editor.waitFor();
  };
  const organisationStates = (app: ReferatApp) => app.page.getByTestId('approval-organisation').allInnerTexts();
  const ownFingerprint = async (app: ReferatApp) => (await SettingsKeys.open(app)).ownFingerprint();

  beforeAll(async () => {
    devices = await Promise.all([0, 1, 2].map(() => fx.browser.newContext({ acceptDownloads: true })));
    kommune = await ReferatApp.open(devices[0]!, fx.server.url);
    await kommune.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    docId = await kommune.createReferat();
    await kommune.titleField.fill(TITLE);
    await kommune.addParticipant('Bo Lund', 'Systemhuset A/S');
    await kommune.typeAfter('Beslutninger', ': budgettet godkendes');
    await kommune.waitUntilSaved();
    vendor = await ReferatApp.open(devices[1]!, fx.server.url);
    await vendor.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    impostor = await ReferatApp.open(devices[2]!, fx.server.url);
    await impostor.setUpProfile({ name: 'Eva Falsk', organisation: 'aarhus  kommune' });
  });

  it('counts an approval for an organisation only through a key confirmed as that organisation’s', async () => {
    await expect.poll(() => kommune.approvalStatus()).toContain('Status: Kladde.');
    const draft = await kommune.downloadCopy();

    // A third profile that claims to be the municipality approves first (approving lists her as a participant).
    expect(await impostor.importCopyFile('Importér referat', draft)).toContain('er føjet til biblioteket');
    await openReferat(impostor);
    await impostor.approve();
    const impostorCopy = await impostor.downloadCopy();

    // The vendor takes that copy and approves; the municipality's key is not confirmed on the vendor's device.
    expect(await vendor.importCopyFile('Importér referat', impostorCopy)).toContain('er føjet til biblioteket');
    await openReferat(vendor);
    await vendor.approve();
    await expect.poll(() => organisationStates(vendor)).toEqual([
      'Aarhus Kommune: godkendt med en nøgle, denne enhed ikke har bekræftet – tæller ikke endnu',
      'Systemhuset A/S: godkendt',
    ]);
    await expect.poll(() => vendor.approvalStatus()).toContain('Status: Til godkendelse.');
    const eva = (await vendor.approvals()).find((l) => l.startsWith('Godkendt af Eva Falsk'));
    expect(eva).toMatch(/^Godkendt af Eva Falsk, aarhus kommune, \d+\. \S+ \d{4} kl\. \d\d\.\d\d — ubekræftet nøgle – tæller ikke Detaljer$/);
  });

  it('both parties confirm each other’s key by fingerprint, both approve, and both see "Godkendt"', async () => {
    const kommuneFp = await ownFingerprint(kommune);
    const vendorFp = await ownFingerprint(vendor);
    expect(kommuneFp).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(await (await SettingsKeys.open(kommune)).confirmKey({ fingerprint: vendorFp, name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør', how: 'læst op i telefon' }))
      .toContain('er bekræftet');
    expect(await (await SettingsKeys.open(vendor)).confirmKey({ fingerprint: kommuneFp, name: 'Mette Holm', organisation: 'Aarhus Kommune', kind: 'Kommune', how: 'sammenlignet ved møde' }))
      .toContain('er bekræftet');

    // The municipality takes the vendor's copy (the vendor's and the impostor's approvals) and approves.
    const vendorCopy = await (async () => {
      await openReferat(vendor);
      return vendor.downloadCopy();
    })();
    await openReferat(kommune);
    expect(await kommune.importCopyFile('Importér kopi af dette referat', vendorCopy)).toContain('er importeret');
    await expect.poll(() => organisationStates(kommune)).toEqual([
      'Aarhus Kommune: godkendt med en nøgle, denne enhed ikke har bekræftet – tæller ikke endnu',
      'Systemhuset A/S: godkendt',
    ]);
    await kommune.approve();
    await expect.poll(() => kommune.approvalStatus()).toContain('Status: Godkendt.');
    finalCopy = await kommune.downloadCopy();

    await openReferat(vendor);
    expect(await vendor.importCopyFile('Importér kopi af dette referat', finalCopy)).toContain('er importeret');
    await expect.poll(() => vendor.approvalStatus()).toContain('Status: Godkendt.');
    for (const app of [kommune, vendor]) {
      await expect.poll(() => organisationStates(app)).toEqual(['Aarhus Kommune: godkendt', 'Systemhuset A/S: godkendt']);
      const list = await app.approvals();
      expect(list).toHaveLength(3);
      expect(list.filter((l) => l.startsWith('Godkendt af') && !l.includes('tidligere version'))).toHaveLength(3);
      expect(list.filter((l) => l.includes('tæller ikke'))).toEqual([expect.stringMatching(/^Godkendt af Eva Falsk/)]);
    }
    expect(await kommune.editorText()).toBe(await vendor.editorText());

    // The library index shows the derived status too; the impostor's own device never sees "Godkendt".
    await kommune.nav('Bibliotek');
    await expect.poll(() => kommune.page.locator('table.library tbody tr', { hasText: TITLE }).innerText()).toContain('Godkendt');
    await openReferat(impostor);
    expect(await impostor.importCopyFile('Importér kopi af dette referat', finalCopy)).toContain('er importeret');
    await expect.poll(() => impostor.approvalStatus()).toContain('Status: Til godkendelse.');
  });

  it('shows a forged approval as invalid, counting for nothing', async () => {
    // A third party copies the vendor's entry and puts another name on it, then sends the copy as a signed file.
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, parseReferatFile(new Uint8Array(finalCopy.bytes)).update);
    const original = approvalsArray(doc).toArray().find((m) => m.get('name') === 'Bo Lund');
    if (!original) throw new Error('no approval by Bo Lund in the copy');
    const forged = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of original.entries()) forged.set(k, v);
      forged.set('id', globalThis.crypto.randomUUID());
      forged.set('name', 'Borgmester');
      forged.set('organisation', 'Aarhus Kommune');
      approvalsArray(doc).push([forged]);
    });
    const bytes = await encodeReferatFile({
      docId,
      title: TITLE,
      sender: { name: 'Eva Falsk', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
      signer: await createTestSigner('Ed25519'),
      stateVector: Y.encodeStateVector(doc),
      base: null,
      update: Y.encodeStateAsUpdate(doc),
      now: new Date(),
    });
    await openReferat(vendor);
    expect(await vendor.importCopyFile('Importér kopi af dette referat', { name: 'falsk.referat', bytes: Buffer.from(bytes) })).toContain('er importeret');
    await expect.poll(async () => (await vendor.approvals()).length).toBe(4);
    const list = await vendor.approvals();
    expect(list.filter((l) => l.startsWith('Ugyldig godkendelse'))).toEqual([expect.stringMatching(/^Ugyldig godkendelse i navnet Borgmester, Aarhus Kommune, .+ — tæller ikke/)]);
    expect(await vendor.approvalStatus()).toContain('Status: Godkendt.');

    // In English, too.
    await vendor.goto(`/r/${docId}?lang=en`);
    await expect.poll(() => vendor.page.getByTestId('approval-status').innerText(), { timeout: 20_000 }).toContain('Status: Approved.');
    expect((await vendor.page.getByRole('list', { name: 'Approvals of the referat' }).getByRole('listitem').allInnerTexts()).join('\n'))
      .toMatch(/Invalid approval in the name of Borgmester, Aarhus Kommune, .+ — does not count/);
  });
});
