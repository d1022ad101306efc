// Approvals (godkendelser) between two devices: each party signs the final text, the copies merge by .referat
// files, both see two valid approvals and "Godkendt"; a forged approval is shown as invalid and counts for nothing;
// an edit afterwards turns the approvals into approvals of an earlier version.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { approvalsArray } from '../../src/core/referatDoc';
import { encodeReferatFile, parseReferatFile } from '../../src/core/referatFile';
import { createTestSigner } from '../unit/support/testSigner';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const TITLE = 'Styregruppemøde 7';

describe('approvals', () => {
  const fx = useBrowserFixture();
  let a: ReferatApp;
  let b: ReferatApp;
  let docId = '';
  let fromB: { name: string; bytes: Buffer };
  // Two devices (browser profiles) that live through all the tests of this file, in order.
  let devices: BrowserContext[] = [];
  afterAll(() => Promise.all(devices.map((c) => c.close())));

  beforeAll(async () => {
    devices = await Promise.all([0, 1].map(() => fx.browser.newContext({ acceptDownloads: true })));
    a = await ReferatApp.open(devices[0]!, fx.server.url);
    await a.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    docId = await a.createReferat();
    await a.titleField.fill(TITLE);
    await a.addParticipant('Bo Lund', 'Systemhuset A/S');
    await a.typeAfter('Beslutninger', ': budgettet godkendes');
    await a.waitUntilSaved();
    b = await ReferatApp.open(devices[1]!, fx.server.url);
    await b.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
  });

  it('each party approves its copy; after the files are exchanged both see two valid approvals and "Godkendt"', async () => {
    await expect.poll(() => a.approvalStatus()).toBe('Status: Kladde.');
    expect(await a.page.getByText('Ingen har godkendt referatet endnu.').count()).toBe(1);

    const hashA = await a.approve();
    expect(hashA).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => a.approvals()).toEqual([
      expect.stringMatching(new RegExp(`^Mette Holm \\(Aarhus Kommune, Kommune\\): godkendte .+, hashværdi ${hashA.slice(0, 4)} ${hashA.slice(4, 8)} .*, gyldig signatur, godkendt den nuværende version\\. nøgle [0-9A-F ]{39}$`)),
    ]);
    await expect.poll(() => a.approvalStatus()).toBe('Status: Til godkendelse. Mangler godkendelse af den nuværende version fra: Systemhuset A/S.');
    expect(await a.page.getByText('Du har godkendt den nuværende version.').count()).toBe(1);
    const fromA = await a.downloadCopy();

    // The vendor imports the municipality's copy, sees its approval as valid, and approves the same text.
    expect(await b.importCopyFile('Importér referat', fromA)).toContain('er føjet til biblioteket');
    await b.page.getByRole('link', { name: TITLE }).click();
    await b.editor.waitFor();
    await expect.poll(() => b.approvals()).toEqual([expect.stringContaining('Mette Holm (Aarhus Kommune, Kommune): godkendte')]);
    expect((await b.approvals())[0]).toContain('gyldig signatur, godkendt den nuværende version');
    const hashB = await b.approve();
    expect(hashB).toBe(hashA);
    await expect.poll(() => b.approvalStatus()).toBe('Status: Godkendt.');
    fromB = await b.downloadCopy();

    // The municipality imports the vendor's copy: the approvals merge.
    await a.goto(`/r/${docId}`);
    await a.editor.waitFor();
    expect(await a.importCopyFile('Importér kopi af dette referat', fromB)).toContain('er importeret');
    await expect.poll(() => a.approvalStatus()).toBe('Status: Godkendt.');
    for (const app of [a, b]) {
      const list = await app.approvals();
      expect(list).toHaveLength(2);
      expect(list).toEqual(expect.arrayContaining([
        expect.stringMatching(/^Mette Holm \(Aarhus Kommune, Kommune\): .*gyldig signatur, godkendt den nuværende version/),
        expect.stringMatching(/^Bo Lund \(Systemhuset A\/S, Leverandør\): .*gyldig signatur, godkendt den nuværende version/),
      ]));
      expect(list.join('\n')).not.toContain('ugyldig');
    }
    expect(await a.editorText()).toBe(await b.editorText());

    // The library index shows the derived status too.
    await a.nav('Bibliotek');
    await expect.poll(() => a.page.locator('table.library tbody tr', { hasText: TITLE }).innerText()).toContain('Godkendt');
  });

  it('shows a forged approval as an invalid signature that counts for nothing', async () => {
    // A third party copies the vendor's entry and puts another name on it, then sends the copy as a signed file.
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, parseReferatFile(new Uint8Array(fromB.bytes)).update);
    const original = approvalsArray(doc).toArray().find((m) => m.get('name') === 'Bo Lund');
    if (!original) throw new Error('no approval by Bo Lund in the copy');
    const forged = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of original.entries()) forged.set(k, v);
      forged.set('id', globalThis.crypto.randomUUID());
      forged.set('name', 'Eva Falsk');
      approvalsArray(doc).push([forged]);
    });
    const bytes = await encodeReferatFile({
      docId,
      title: TITLE,
      sender: { name: 'Eva Falsk', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' },
      signer: await createTestSigner('Ed25519'),
      stateVector: Y.encodeStateVector(doc),
      base: null,
      update: Y.encodeStateAsUpdate(doc),
      now: new Date(),
    });
    await a.goto(`/r/${docId}`);
    await a.editor.waitFor();
    expect(await a.importCopyFile('Importér kopi af dette referat', { name: 'falsk.referat', bytes: Buffer.from(bytes) })).toContain('er importeret');
    await expect.poll(async () => (await a.approvals()).length).toBe(3);
    const list = await a.approvals();
    expect(list.filter((l) => l.includes('ugyldig signatur'))).toEqual([expect.stringMatching(/^Eva Falsk \(Systemhuset A\/S, Leverandør\): /)]);
    expect(list.filter((l) => l.includes(', gyldig signatur'))).toHaveLength(2);
    expect(await a.approvalStatus()).toBe('Status: Godkendt.');
  });

  it('an edit after approval shows the approvals as of an earlier version, and keeps them', async () => {
    await a.typeAfter('Eventuelt', ': ny tidsplan aftalt');
    await a.waitUntilSaved();
    await expect.poll(() => a.approvalStatus()).toBe(
      'Status: Til godkendelse. Mangler godkendelse af den nuværende version fra: Aarhus Kommune, Systemhuset A/S.',
    );
    const list = await a.approvals();
    expect(list).toHaveLength(3);
    for (const line of list) expect(line).toContain('godkendt en tidligere version');

    // A change that arrives while the confirmation is open (here from another tab) is never signed unseen.
    await a.page.getByRole('button', { name: 'Godkend referatet' }).click();
    const dialog = a.page.getByRole('alertdialog', { name: 'Godkend referatet?' });
    await dialog.waitFor();
    const tab = await ReferatApp.open(devices[0]!, fx.server.url, `/r/${docId}`);
    await tab.typeAfter('Eventuelt', ' (rettet)');
    await expect.poll(() => a.editorText()).toContain('ny tidsplan aftalt (rettet)');
    await dialog.getByRole('button', { name: 'Godkend og underskriv' }).click();
    await a.page.getByRole('alert').filter({ hasText: 'Referatet blev ændret, før du godkendte. Intet er underskrevet.' }).waitFor();
    expect(await a.approvals()).toHaveLength(3);
    await tab.page.close();
    await a.nav('Bibliotek');
    await expect.poll(() => a.page.locator('table.library tbody tr', { hasText: TITLE }).innerText()).toContain('Til godkendelse');

    // In English, too.
    await a.goto(`/r/${docId}?lang=en`);
    await expect.poll(() => a.page.getByTestId('approval-status').innerText()).toMatch(/^Status: Proposed\. Approval of the current version missing from: Aarhus Kommune, Systemhuset A\/S\.$/);
    expect((await a.page.getByRole('list', { name: 'Approvals of the referat' }).getByRole('listitem').allInnerTexts()).join('\n')).toContain('approved an earlier version');
  });
});
