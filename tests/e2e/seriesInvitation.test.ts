// One invitation for a meeting series (issue 17, finding 7): the link sent last month keeps working. "Næste møde"
// carries the live room; the vendor, opening the old link again, is told of the new meeting by the clerk's device,
// follows it through the usual question, and edits it live with the clerk; "Stop deling for alle" ends the series.
// Two browser profiles over real WebRTC with the project's signalling server, in the private network namespace.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { JoinPageModel } from './pages/JoinPageModel';
import { useBrowserFixture } from './support/browserFixture';
import { liveDevice } from './support/liveDevice';
import { useSignallingServer } from './support/signallingFixture';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const fragmentOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1));

/** The notice in the live panel on a laptop (1366×768) and a phone (360 px), saved to be looked at. */
async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(OUT, { recursive: true });
  for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 360, 780]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('series-notices').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(OUT, `series-${name}-${size}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('a series invitation', () => {
  const fx = useBrowserFixture();
  const signalling = useSignallingServer();

  it('keeps last month’s link working: the old referat opens, the notice leads to the next meeting, and stopping ends the series', async () => {
    const clerk = await liveDevice(fx, signalling.port, { name: 'Mette Holm', organisation: 'Aarhus Kommune', kind: 'Kommune' });
    const firstId = await clerk.createReferat();
    await clerk.titleField.fill('Styregruppemøde 11');
    await clerk.page.getByLabel('Dato', { exact: true }).fill('2026-12-08');
    await clerk.minutes.caretAtEndOf('Næste møde');
    await clerk.page.keyboard.press('ArrowDown');
    await clerk.page.keyboard.type('Søndag den 10. januar 2027 på rådhuset');
    await expect.poll(() => clerk.editorText()).toContain('10. januar 2027');
    await clerk.waitUntilSaved();

    // A series that meets monthly: the clerk chooses 90 days, and the panel says the link covers the next meetings.
    expect(await clerk.page.locator('.live-panel').innerText()).toContain('Invitationen gælder hele møderækken');
    await clerk.page.getByLabel('Invitationen gælder i').selectOption('90');
    const link = await clerk.invite();
    const first = fragmentOf(link);
    expect(Math.abs(Number(first.get('exp')) * 1000 - (Date.now() + 90 * 86_400_000))).toBeLessThan(5 * 60_000);
    expect(await clerk.page.getByTestId('series-link-help').innerText()).toContain('Linket gælder også de følgende møder i møderækken');

    const vendor = await liveDevice(fx, signalling.port, { name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    const vendorJoin = new JoinPageModel(vendor);
    await vendorJoin.open(link);
    expect(await vendorJoin.seriesText()).toBe('');
    await vendorJoin.accept(firstId);
    await expect.poll(() => vendor.titleField.inputValue(), { timeout: 20_000 }).toBe('Styregruppemøde 11');
    await expect.poll(() => clerk.liveStatus(), { timeout: 20_000 }).toBe('Forbundet til 1 anden');
    // Both hold the referat: neither is told of another meeting.
    expect(await vendor.livePanel.seriesNotices.count()).toBe(0);

    // "Næste møde": the new referat is shared in the same series room, with the same link apart from its id.
    await clerk.page.getByRole('button', { name: 'Næste møde', exact: true }).click();
    await clerk.page.waitForURL((url) => !url.pathname.endsWith(firstId));
    const secondId = clerk.referatId();
    expect(await clerk.titleField.inputValue()).toBe('Styregruppemøde 12');
    const secondLink = await clerk.page.getByLabel('Invitationslink').inputValue();
    const second = fragmentOf(secondLink);
    expect([second.get('doc'), second.get('room'), second.get('key'), second.get('exp')]).toEqual([secondId, first.get('room'), first.get('key'), first.get('exp')]);
    expect(await clerk.page.getByRole('button', { name: 'Invitér' }).count()).toBe(0);
    const clerkRooms = new JoinPageModel(clerk);
    expect((await clerkRooms.storedRooms()).map((r) => r.docId).toSorted()).toEqual([firstId, secondId].toSorted());

    // A month later the vendor opens last month's link: last month's referat opens, and the notice names the new one.
    await vendor.page.goto(link);
    await vendor.page.waitForURL(`**/r/${firstId}`);
    await expect.poll(() => vendor.livePanel.seriesNoticeTexts(), { timeout: 30_000 })
      .toEqual(['Næste møde i serien: »Styregruppemøde 12«, 10. januar 2027 (delt af Mette Holm, Aarhus Kommune)']);
    expect(await vendor.livePanel.seriesNotices.getAttribute('data-proven')).toBe('true');
    await shoot(vendor.page, 'notice');
    // Seeing the notice stored nothing.
    expect((await vendorJoin.storedRooms()).map((r) => r.docId)).toEqual([firstId]);

    // The notice goes through the usual question; only "Deltag" stores the room.
    await vendor.livePanel.openSeriesNotice('Styregruppemøde 12');
    await vendorJoin.question.waitFor();
    expect(vendor.page.url()).toBe(vendor.url('/join'));
    expect(await vendorJoin.questionText()).toContain(secondId);
    expect(await vendorJoin.seriesText()).toContain('allerede deler ét referat i');
    expect((await vendorJoin.storedRooms()).map((r) => r.docId)).toEqual([firstId]);
    await vendorJoin.accept(secondId);
    await expect.poll(() => vendor.titleField.inputValue(), { timeout: 20_000 }).toBe('Styregruppemøde 12');
    await expect.poll(() => clerk.presentNames(), { timeout: 20_000 }).toEqual(['Bo Lund (Systemhuset A/S)']);
    await expect.poll(() => vendor.presentNames()).toEqual(['Mette Holm (Aarhus Kommune)']);
    await vendor.typeAfter('Eventuelt', ' – leverandøren har et punkt');
    await clerk.typeAfter('Beslutninger', ' – kommunen noterer');
    await expect.poll(async () => (await clerk.editorText()) === (await vendor.editorText()), { timeout: 20_000 }).toBe(true);
    expect(await clerk.editorText()).toContain('Eventuelt – leverandøren har et punkt');
    expect(await vendor.editorText()).toContain('Beslutninger – kommunen noterer');
    // The vendor now holds both: no notice is left.
    expect(await vendor.livePanel.seriesNotices.count()).toBe(0);

    // The signalling server saw neither the series room id nor any referat id in a room name.
    const seen = signalling.received.join('\n');
    for (const secretThing of [first.get('room') ?? '', first.get('key') ?? '', firstId, secondId, 'Styregruppemøde']) expect(seen).not.toContain(secretThing);

    // "Stop deling for alle" ends the series: both devices forget it for every referat, and the old link asks again.
    await clerk.page.getByRole('button', { name: 'Stop deling for alle' }).click();
    await expect.poll(() => vendor.page.getByTestId('live-ended').innerText(), { timeout: 20_000 })
      .toContain('Mette Holm, Aarhus Kommune stoppede delingen for alle');
    await expect.poll(() => vendorJoin.storedRooms()).toEqual([]);
    await expect.poll(() => clerkRooms.storedRooms()).toEqual([]);
    await clerk.goto(`/r/${firstId}`);
    await clerk.page.getByRole('button', { name: 'Invitér' }).waitFor();
    await vendorJoin.open(link);
    expect(await vendorJoin.question.count()).toBe(1);
    expect(await vendorJoin.seriesText()).toBe('');
    await vendorJoin.cancel();
    expect(await vendorJoin.storedRooms()).toEqual([]);
  });
});
