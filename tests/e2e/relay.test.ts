// Store and forward through the relay at /relay on the app's origin: two devices that are never online at the same
// time, with live WebRTC unable to connect (its signalling address answers nothing). Runs inside a private network
// namespace (scripts/e2e.mjs).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decryptRecord, encryptRecord, sealEntry } from '../../src/core/relayEntry';
import { decodeOuter, MAX_ENTRY_BYTES } from '../../src/core/relayEntryLayout';
import { metaMap, newReferatDoc } from '../../src/core/referatDoc';
import { newReferatId } from '../../src/core/referatId';
import { createTestSigner } from '../../src/testSupport/testSigner';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture, type BrowserFixture } from './support/browserFixture';
import { relayTestClient } from './support/relayTestClient';

const SHOTS = process.env.REFERAT_SCREENSHOTS;
/** Nothing listens there: live sync never connects, so whatever arrives came through the relay. */
const DEAD_SIGNALLING = 'ws://127.0.0.1:9';
const DELIVERED = 'Relæ: forbundet – dine ændringer er afleveret.';

/** A device with its own profile whose live sync cannot connect. */
async function relayDevice(fx: BrowserFixture, name: string, organisation: string, kind: 'Kommune' | 'Leverandør'): Promise<ReferatApp> {
  const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
  await app.setUpProfile({ name, organisation, kind });
  await app.setSignalling(DEAD_SIGNALLING);
  await app.nav('Bibliotek');
  return app;
}

const relayState = (app: ReferatApp) => app.page.getByTestId('relay-status').locator('.relay-state').innerText();

describe('store and forward through the relay', () => {
  const fx = useBrowserFixture({ relay: true });
  const device = (name: string, organisation: string, kind: 'Kommune' | 'Leverandør') => relayDevice(fx, name, organisation, kind);

  it('carries an edit made while the relay was down, across relay restarts, to a vendor who opens the next day with the clerk gone, and the vendor’s acknowledgement back to the clerk', async () => {
    const clerk = await device('Mette Holm', 'Aarhus Kommune', 'Kommune');
    const docId = await clerk.createReferat();
    await clerk.titleField.fill('Driftsmøde juni');
    await clerk.typeAfter('Status', ': alt kører');
    const link = await clerk.invite();
    await expect.poll(() => relayState(clerk), { timeout: 20_000 }).toBe(DELIVERED);

    // The vendor joins by the link; the copy arrives through the relay, since no live connection can be made.
    const vendor = await device('Bo Lund', 'Systemhuset A/S', 'Leverandør');
    await vendor.page.goto(link);
    await vendor.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await vendor.page.waitForURL(`**/r/${docId}`);
    await expect.poll(() => vendor.editorText(), { timeout: 30_000 }).toContain('Status: alt kører');
    expect(await vendor.titleField.inputValue()).toBe('Driftsmøde juni');
    expect(await vendor.liveStatus()).not.toMatch(/Forbundet til/);
    await expect.poll(() => relayState(vendor), { timeout: 20_000 }).toBe(DELIVERED);
    await expect.poll(() => clerk.page.getByTestId('ledger-row').innerText(), { timeout: 20_000 }).toMatch(/har alt, du har/);
    const vendorContext = vendor.page.context();
    await vendor.page.close();

    // The clerk edits while the vendor is away and the relay is down: the edit waits on the device.
    await fx.server.stopRelay();
    await clerk.typeAfter('Beslutninger', ' – kontrakten forlænges');
    await expect.poll(() => relayState(clerk), { timeout: 20_000 }).toBe('Relæ: venter på forbindelse – dine ændringer sendes, når det svarer.');
    // The relay comes back and takes the edit; the clerk goes away; the relay restarts once more.
    await fx.server.restartRelay();
    await expect.poll(() => relayState(clerk), { timeout: 60_000 }).toBe(DELIVERED);
    await expect.poll(() => clerk.page.getByTestId('ledger-row').innerText(), { timeout: 20_000 }).toMatch(/mangler/);
    const clerkContext = clerk.page.context();
    await clerk.page.close();
    await fx.server.restartRelay();

    // The next day the vendor opens the referat on the same profile: the clerk's edit comes from the relay.
    const nextDay = await vendorContext.newPage();
    await nextDay.clock.install({ time: Date.now() + 86_400_000 });
    const vendor2 = new ReferatApp(nextDay, fx.server.url);
    await vendor2.goto(`/r/${docId}`);
    await expect.poll(() => vendor2.editorText(), { timeout: 30_000 }).toContain('Beslutninger – kontrakten forlænges');
    await expect.poll(() => relayState(vendor2), { timeout: 20_000 }).toBe(DELIVERED);
    await expect.poll(() => vendor2.page.getByTestId('relay-received').innerText()).toBe('Modtaget via relæet, siden referatet blev åbnet: 1.');
    // What the relay brought is an automatic version in the history.
    await nextDay.getByRole('tab', { name: 'Historik' }).click();
    await expect.poll(() => nextDay.getByText('Automatisk version, da ændringer kom via relæet').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await nextDay.getByRole('tab', { name: 'Deling' }).click();
    if (SHOTS) await nextDay.getByTestId('relay-status').screenshot({ path: `${SHOTS}/relay-vendor-next-day.png` });
    await nextDay.close();

    // The clerk comes back: the ledger shows the vendor's signed acknowledgement of everything.
    const clerk2 = new ReferatApp(await clerkContext.newPage(), fx.server.url);
    await clerk2.goto(`/r/${docId}`);
    await expect.poll(() => clerk2.page.getByTestId('ledger-row').innerText(), { timeout: 30_000 }).toMatch(/har alt, du har/);
    await expect.poll(() => clerk2.page.getByTestId('ledger-row').getAttribute('data-complete')).toBe('true');
    expect(await clerk2.page.getByTestId('ledger-row').innerText()).toMatch(/Systemhuset A\/S har alt, du har, pr\. .+ \(kvitteret via relæet\)\./);

    // The relay stored only ciphertext: never the title, the text or the referat id.
    await fx.server.stopRelay();
    const { readdir, readFile } = await import('node:fs/promises');
    const files = await readdir(fx.server.relayDir as string, { recursive: true, withFileTypes: true });
    const stored = Buffer.concat(await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(`${f.parentPath}/${f.name}`))));
    expect(stored.length).toBeGreaterThan(0);
    for (const secretThing of ['Driftsmøde', 'alt kører', 'kontrakten', 'Mette', 'Bo Lund', docId]) {
      expect(stored.includes(Buffer.from(secretThing))).toBe(false);
    }
  });
});

describe('a hostile member of the mailbox', () => {
  const fx = useBrowserFixture({ relay: true });

  it('has garbage, a forged, a replayed and an oversized entry and another referat’s id refused and reported, while its good entry applies once', async () => {
    const clerk = await relayDevice(fx, 'Mette Holm', 'Aarhus Kommune', 'Kommune');
    const docId = await clerk.createReferat();
    await clerk.titleField.fill('Driftsmøde juni');
    const link = await clerk.invite();
    await expect.poll(() => relayState(clerk), { timeout: 20_000 }).toBe(DELIVERED);

    // A client that holds the secret (and so the token) writes into the mailbox with a key of its own.
    const mallory = await relayTestClient(fx.server.url, link);
    const signer = await createTestSigner('Ed25519');
    const seal = (seq: number, doc: Y.Doc) => sealEntry({ keys: mallory.keys, signer, kind: 'update', seq, body: Y.encodeStateAsUpdate(doc), now: Date.now() });
    const good = newReferatDoc();
    good.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    (good.getXmlFragment('body').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Tilføjet via relæet')]);
    const otherId = newReferatDoc();
    metaMap(otherId).set('id', newReferatId());
    const forged = await seal(3, good);
    forged[forged.length - 1] = (forged[forged.length - 1] as number) ^ 0xff;
    const goodEntry = await seal(1, good);
    await mallory.push([new Uint8Array([1, 2, 3, 4]), goodEntry, await seal(2, otherId), forged]);

    await expect.poll(() => clerk.editorText(), { timeout: 30_000 }).toContain('Tilføjet via relæet');
    const refused = clerk.page.getByTestId('relay-refused');
    await expect.poll(() => refused.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason')).toSorted()), { timeout: 20_000 })
      .toEqual(['badCiphertext', 'malformed', 'metaId']);
    expect(await refused.innerText()).toMatch(/Afvist fra relæet \(3\)/);
    expect(await refused.innerText()).toContain('hører til et andet referat');

    // Then its applied entry copied again (ignored), the same signed record re-framed as seq 4 (a replay), and an
    // entry over the size limit: the last two refused and named, and nothing applies twice.
    const record = await decryptRecord(mallory.keys, goodEntry);
    const frame = decodeOuter(goodEntry);
    if (!record || !frame.ok) throw new Error('the test entry did not open');
    const replayed = await encryptRecord(mallory.keys, 'update', frame.value.tag, 4, record);
    const oversized = new Uint8Array(MAX_ENTRY_BYTES.update + 1);
    oversized.set([1, 1]);
    await mallory.push([goodEntry, replayed, oversized]);
    mallory.close();
    await expect.poll(() => refused.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason')).toSorted()), { timeout: 30_000 })
      .toEqual(['badCiphertext', 'malformed', 'metaId', 'replay', 'tooLarge']);
    expect(await refused.innerText()).toContain('en gammel eller flyttet besked, sendt igen');
    expect(await refused.innerText()).toContain('for stor');
    expect((await clerk.editorText()).split('Tilføjet via relæet').length).toBe(2);
    expect(await clerk.titleField.inputValue()).toBe('Driftsmøde juni');
    expect(clerk.referatId()).toBe(docId);
    await clerk.page.getByRole('tab', { name: 'Deling' }).click();
    await clerk.page.setViewportSize({ width: 1366, height: 768 });
    if (SHOTS) await clerk.page.getByTestId('relay-status').screenshot({ path: `${SHOTS}/relay-refused.png` });
    await clerk.page.setViewportSize({ width: 360, height: 800 });
    if (SHOTS) await clerk.page.getByTestId('relay-status').screenshot({ path: `${SHOTS}/relay-refused-360.png` });
  });
});

describe('live through the relay', () => {
  const fx = useBrowserFixture({ relay: true });

  it('carries typing, names, carets and key proofs between two open copies when WebRTC cannot connect, and says so', async () => {
    const clerk = await relayDevice(fx, 'Mette Holm', 'Aarhus Kommune', 'Kommune');
    const docId = await clerk.createReferat();
    await clerk.titleField.fill('Driftsmøde juni');
    const link = await clerk.invite();
    await expect.poll(() => relayState(clerk), { timeout: 20_000 }).toBe(DELIVERED);

    const vendor = await relayDevice(fx, 'Bo Lund', 'Systemhuset A/S', 'Leverandør');
    await vendor.page.goto(link);
    await vendor.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await vendor.page.waitForURL(`**/r/${docId}`);
    await expect.poll(() => vendor.titleField.inputValue(), { timeout: 30_000 }).toBe('Driftsmøde juni');

    // Both say they are live through the relay, with the delay; WebRTC never connected.
    for (const app of [clerk, vendor]) {
      await expect.poll(() => app.liveStatus(), { timeout: 30_000 }).toBe('Forbundet via relæ til 1 anden – ingen direkte forbindelse.');
      expect(await app.page.getByTestId('relay-live').innerText()).toMatch(/^Relæ: live – ændringer, navne og markører går krypteret gennem relæet/);
    }
    // The other's name arrives through the relay, with a proven key, and its caret in the text.
    await expect.poll(() => vendor.page.getByTestId('presence-peer').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')}:${e.getAttribute('data-proof')}`)), { timeout: 20_000 })
      .toEqual(['Mette Holm:proven']);
    await expect.poll(() => clerk.page.getByTestId('presence-peer').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')}:${e.getAttribute('data-proof')}`)), { timeout: 20_000 })
      .toEqual(['Bo Lund:proven']);

    await clerk.typeAfter('Status', ': alt kører');
    await expect.poll(() => vendor.editorText(), { timeout: 20_000 }).toContain('Status: alt kører');
    await vendor.typeAfter('Beslutninger', ' – kontrakten forlænges');
    await expect.poll(() => clerk.editorText(), { timeout: 20_000 }).toContain('Beslutninger – kontrakten forlænges');
    await expect.poll(() => clerk.editor.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 20_000 }).toContain('Bo Lund');
    await expect.poll(() => clerk.page.getByTestId('relay-live').innerText()).toMatch(/Forsinkelse til relæet og tilbage: ca\. \d+ ms\./);
    if (SHOTS) {
      await clerk.page.setViewportSize({ width: 1366, height: 768 });
      await clerk.page.screenshot({ path: `${SHOTS}/relay-live-1366.png` });
      await vendor.page.setViewportSize({ width: 360, height: 800 });
      await vendor.page.getByRole('tab', { name: 'Deling' }).click();
      await vendor.page.locator('.side-section-sharing').screenshot({ path: `${SHOTS}/relay-live-360.png` });
    }

    // The vendor leaves: the clerk's page no longer says anyone is here through the relay.
    await vendor.page.close();
    await expect.poll(() => clerk.page.getByTestId('relay-live').count(), { timeout: 60_000 }).toBe(0);
    expect(await clerk.liveStatus()).not.toMatch(/Forbundet/);
    await expect.poll(() => clerk.page.getByTestId('presence-peer').count(), { timeout: 60_000 }).toBe(0);
  });
});

describe('a full mailbox', () => {
  const fx = useBrowserFixture({ relay: true, relayLimits: { maxMailboxBytes: 64 * 1024 } });

  it('says the relay takes no more, while every change stays on the device', async () => {
    const clerk = await relayDevice(fx, 'Mette Holm', 'Aarhus Kommune', 'Kommune');
    await clerk.createReferat();
    await clerk.titleField.fill('Driftsmøde juni');
    await clerk.invite();
    await expect.poll(() => relayState(clerk), { timeout: 20_000 }).toBe(DELIVERED);
    expect(await clerk.page.getByTestId('relay-full').count()).toBe(0);

    // A long pasted appendix: more than the relay keeps for one mailbox.
    const appendix = Array.from({ length: 3000 }, (_, i) => `Bilag linje ${i + 1}: driftsstatistik for uge ${i % 52}.`).join(' ');
    await clerk.typeAfter('Eventuelt', ' ');
    await clerk.page.keyboard.insertText(appendix);
    await expect.poll(() => clerk.page.getByTestId('relay-full').innerText().catch(() => ''), { timeout: 30_000 })
      .toMatch(/^Relæet tager ikke flere ændringer til dette referat/);
    expect(fx.server.relay?.stats().refusedWrites).toBeGreaterThan(0);
    expect(await relayState(clerk)).toBe('Relæ: forbundet – sender dine ændringer …');
    // Nothing is lost: the text is in the editor and, after a reload, on the device.
    await clerk.page.reload();
    await expect.poll(() => clerk.editorText(), { timeout: 30_000 }).toContain('Bilag linje 3000: driftsstatistik');
    // The refused changes are not taken as delivered: the reloaded page tries again, and is told again.
    await expect.poll(() => clerk.page.getByTestId('relay-full').count(), { timeout: 30_000 }).toBe(1);
    expect(await relayState(clerk)).toBe('Relæ: forbundet – sender dine ændringer …');
    if (SHOTS) await clerk.page.getByTestId('relay-status').screenshot({ path: `${SHOTS}/relay-full.png` });
  });
});
