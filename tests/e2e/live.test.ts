// Live co-editing between two devices (two browser profiles) over WebRTC on loopback, with the project's
// own signalling server started here. Runs inside a private network namespace (scripts/e2e.mjs).
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { liveDevice } from './support/liveDevice';
import { useSignallingServer } from './support/signallingFixture';

describe('live co-editing over WebRTC', () => {
  const fx = useBrowserFixture();
  const signalling = useSignallingServer();
  const { received } = signalling;

  const device = (name: string, organisation: string, kind: 'Kommune' | 'Leverandør') =>
    liveDevice(fx, signalling.port, { name, organisation, kind });

  it('joins by link, converges while both type, shows presence, and catches up after a drop', async () => {
    const a = await device('Mette Holm', 'Aarhus Kommune', 'Kommune');
    const docId = await a.createReferat();
    await a.titleField.fill('Driftsmøde juni');
    await a.typeAfter('Status', ': alt kører');
    const link = await a.invite();
    const secret = new URL(link).hash.match(/key=([^&]+)/)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(30);

    // The vendor's device has no copy: opening the link fetches the whole referat from the municipality.
    const b = await device('Bo Lund', 'Systemhuset A/S', 'Leverandør');
    await b.page.goto(link);
    // An unknown referat: the link asks first (tests/e2e/joinAsks.test.ts), and only "Deltag" stores the room.
    await b.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await b.page.waitForURL(`**/r/${docId}`);
    expect(b.page.url()).not.toContain(secret);
    await expect.poll(() => b.editorText(), { timeout: 20_000 }).toContain('Status: alt kører');
    expect(await b.titleField.inputValue()).toBe('Driftsmøde juni');
    await expect.poll(() => a.liveStatus()).toBe('Forbundet til 1 anden');
    await expect.poll(() => b.liveStatus()).toBe('Forbundet til 1 anden');
    await expect.poll(() => a.presentNames()).toEqual(['Bo Lund (Systemhuset A/S)']);
    await expect.poll(() => b.presentNames()).toEqual(['Mette Holm (Aarhus Kommune)']);

    // Both type at the same time, in different places and in the same paragraph.
    await Promise.all([a.typeAfter('Beslutninger', ' (kommunen)'), b.typeAfter('Næste møde', ' (leverandøren)')]);
    await Promise.all([a.typeAfter('Eventuelt', ' A'), b.typeAfter('Eventuelt', ' B')]);
    await expect.poll(async () => (await a.editorText()) === (await b.editorText()), { timeout: 20_000 }).toBe(true);
    const merged = await a.editorText();
    expect(merged).toContain('Beslutninger (kommunen)');
    expect(merged).toContain('Næste møde (leverandøren)');
    // Keystrokes typed at the same spot at the same moment may interleave; every one of them must be there.
    const tail = merged.slice(merged.indexOf('Eventuelt') + 'Eventuelt'.length).split('\n')[0] ?? '';
    expect([...tail].toSorted().join('')).toBe('  AB');
    // Each side's copy ledger records what the other holds, seen live; both are linked to their keys.
    await expect.poll(() => a.page.getByTestId('ledger-row').innerText(), { timeout: 20_000 }).toMatch(/Bo Lund.*Systemhuset A\/S har alt, du har, pr\. /s);
    await expect.poll(() => b.page.getByTestId('ledger-row').innerText(), { timeout: 20_000 }).toMatch(/Mette Holm.*Aarhus Kommune har alt, du har, pr\. /s);
    await expect.poll(() => a.page.getByTestId('participant-key').allInnerTexts()).toHaveLength(2);
    // The other person's caret shows their name, outside the text.
    await expect.poll(() => a.editor.locator('.collaboration-carets__label').allInnerTexts()).toContain('Bo Lund');

    // A third device with the right room but the wrong secret cannot join or read anything.
    const intruder = await device('Eve Ukendt', 'Andet firma', 'Leverandør');
    const sentBefore = received.length;
    await intruder.page.goto(link.replace(/key=[^&]+/, `key=${'x'.repeat(43)}`));
    await intruder.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await intruder.page.waitForURL(`**/r/${docId}`);
    await intruder.page.getByText('Henter referatet fra de andre deltagere').waitFor();
    await expect.poll(() => received.slice(sentBefore).some((m) => m.includes('"publish"'))).toBe(true);
    // Time passes with the others working: a further edit travels from B to A, but not to the intruder.
    await b.typeAfter('Eventuelt', '!');
    await expect.poll(async () => (await a.editorText()) === (await b.editorText())).toBe(true);
    expect(await intruder.page.getByText('Henter referatet fra de andre deltagere').count()).toBe(1);
    expect(await intruder.editor.count()).toBe(0);
    expect(await a.liveStatus()).toBe('Forbundet til 1 anden');
    expect(await a.presentNames()).toEqual(['Bo Lund (Systemhuset A/S)']);
    await intruder.page.close();

    // The vendor drops out; with the signalling server down too, nobody can reconnect for a while.
    await b.page.close();
    await signalling.stop();
    await a.typeAfter('Godkendelse af dagsorden', ' – godkendt');
    const b2 = new ReferatApp(await b.page.context().newPage(), fx.server.url);
    await b2.goto(`/r/${docId}`);
    await b2.editor.waitFor();
    await b2.typeAfter('Opfølgning fra sidste møde', ' – intet nyt');
    await expect.poll(() => b2.editorText()).toContain('Opfølgning fra sidste møde – intet nyt');
    expect(await b2.editorText()).not.toContain('godkendt');
    expect(await a.editorText()).not.toContain('intet nyt');

    // The signalling server comes back: both sides catch up by themselves.
    await signalling.start();
    await expect.poll(async () => (await a.editorText()) === (await b2.editorText()), { timeout: 30_000 }).toBe(true);
    expect(await a.editorText()).toContain('Godkendelse af dagsorden – godkendt');
    expect(await a.editorText()).toContain('Opfølgning fra sidste møde – intet nyt');

    // The signalling server saw only the room id and ciphertext: never the secret, the title or the text.
    expect(received.length).toBeGreaterThan(0);
    const seen = received.join('\n');
    for (const secretThing of [secret, decodeURIComponent(secret), 'Driftsmøde', 'alt kører', 'kommunen', 'Bo Lund', 'Mette', docId]) {
      expect(seen).not.toContain(secretThing);
    }
    expect(received.some((m) => m.includes('"subscribe"'))).toBe(true);
  });
});
