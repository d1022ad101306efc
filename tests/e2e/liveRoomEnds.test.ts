// Room secrets that end (issue 14): "Stop deling for alle" ends the room for every connected peer, each forgets
// it, and a new invitation gets a new secret; invitations expire (an expired link stores nothing, a running room
// stops at its expiry, a stored one is forgotten); the secret is in no backup. Runs in the private network namespace.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignallingServer } from '../../server/signallingServer.mjs';
import { JoinPageModel } from './pages/JoinPageModel';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { liveDevice } from './support/liveDevice';

const fragmentOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1));
const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');

/** The live panel on a laptop (1366×768) and a phone (360 px), saved to be looked at. */
async function shootLivePanel(page: Page, name: string): Promise<void> {
  await mkdir(OUT, { recursive: true });
  for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 360, 780]] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('.live-panel').screenshot({ path: path.join(OUT, `live-${name}-${size}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('live rooms that end', () => {
  const fx = useBrowserFixture();
  let signalling: Awaited<ReturnType<typeof startSignallingServer>> | null = null;
  let port = 0;

  beforeAll(async () => {
    signalling = await startSignallingServer();
    port = signalling.port;
  });
  afterAll(async () => {
    await signalling?.close();
  });

  it('"Stop deling for alle" ends the room for the other party too, each forgets it, and a new invitation gets a new secret', async () => {
    const a = await liveDevice(fx, port, { name: 'Mette Holm', organisation: 'Aarhus Kommune', kind: 'Kommune' });
    const docId = await a.createReferat();
    await a.titleField.fill('Driftsmøde december');
    await a.page.getByLabel('Invitationen gælder i').selectOption('1');
    const link = await a.invite();
    const first = fragmentOf(link);
    const expiresAt = Number(first.get('exp')) * 1000;
    expect(Math.abs(expiresAt - (Date.now() + 86_400_000))).toBeLessThan(5 * 60_000);
    expect(await a.page.getByTestId('live-expiry').innerText()).toContain('Invitationen udløber');
    await shootLivePanel(a.page, 'shared');

    const b = await liveDevice(fx, port, { name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    const bJoin = new JoinPageModel(b);
    await bJoin.open(link);
    expect(await bJoin.questionText()).toContain('Invitationen udløber');
    await bJoin.accept(docId);
    await expect.poll(() => b.titleField.inputValue(), { timeout: 20_000 }).toBe('Driftsmøde december');
    await expect.poll(() => a.liveStatus(), { timeout: 20_000 }).toBe('Forbundet til 1 anden');
    expect(await bJoin.storedRoom(docId)).toEqual({ docId, roomId: first.get('room'), secret: first.get('key') });

    // The secret is in no backup of either device.
    for (const device of [a, b]) {
      const backup = await device.saveBackup();
      const files = unzipSync(new Uint8Array(backup.bytes));
      for (const bytes of Object.values(files)) expect(Buffer.from(bytes).toString('latin1')).not.toContain(first.get('key'));
      await device.goto(`/r/${docId}`);
      await device.titleField.waitFor();
    }
    await expect.poll(() => b.liveStatus(), { timeout: 20_000 }).toBe('Forbundet til 1 anden');

    await a.page.getByRole('button', { name: 'Stop deling for alle' }).click();
    await expect.poll(() => b.page.getByTestId('live-ended').innerText(), { timeout: 20_000 })
      .toContain('Mette Holm, Aarhus Kommune stoppede delingen for alle');
    expect(await a.page.getByTestId('live-ended').innerText()).toContain('Delingen er stoppet for alle');
    await expect.poll(() => bJoin.storedRooms()).toEqual([]);
    await shootLivePanel(b.page, 'ended-by-peer');
    await expect.poll(() => new JoinPageModel(a).storedRooms()).toEqual([]);
    // Both copies stay open and editable, with what was written.
    await b.titleField.fill('Driftsmøde december (leverandørens noter)');
    await b.waitUntilSaved();
    // Opened again, neither device rejoins the ended room.
    await b.page.reload();
    await b.titleField.waitFor();
    expect(await b.page.getByRole('button', { name: 'Invitér' }).isVisible()).toBe(true);

    const again = fragmentOf(await a.invite());
    expect(again.get('key')).not.toBe(first.get('key'));
    expect(again.get('room')).not.toBe(first.get('room'));
  });

  it('an expired link stores nothing and says so; a stored room past its expiry is forgotten at the next open', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const docId = await app.createReferat();
    await app.titleField.fill('Styregruppemøde');
    await app.waitUntilSaved();
    const join = new JoinPageModel(app);
    const link = new URL(await app.invite());
    const params = fragmentOf(link.href);
    const room = { docId, roomId: params.get('room'), secret: params.get('key') };
    expect(await join.storedRooms()).toEqual([room]);

    // The same room, its expiry an hour ago: the link is refused before any question, and nothing changes.
    const past = Math.floor(Date.now() / 1000) - 3600;
    params.set('exp', String(past));
    await join.open(app.url(`/join#${params.toString()}`));
    const said = await app.page.getByTestId('join-expired').innerText();
    expect(said).toContain('Invitationen udløb');
    expect(said).toContain('Der er ikke gemt noget');
    expect(app.page.url()).toBe(app.url('/join'));
    expect(await join.question.count()).toBe(0);
    expect(await join.storedRooms()).toEqual([room]);

    // The room this device keeps expires (its row says an hour ago): opening the referat forgets it and says why.
    await join.setStoredRoomExpiry(docId, past * 1000);
    await app.goto(`/r/${docId}`);
    await expect.poll(() => app.page.getByTestId('live-ended').innerText()).toContain('Invitationen udløb');
    expect(await join.storedRooms()).toEqual([]);
    expect(await app.titleField.inputValue()).toBe('Styregruppemøde');
  });

  it('a running room stops by itself when its invitation expires', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.page.clock.install();
    await app.page.reload();
    await app.titleField.waitFor();
    await app.page.getByLabel('Invitationen gælder i').selectOption('1');
    await app.invite();
    await app.page.clock.fastForward('24:01:00');
    await expect.poll(() => app.page.getByTestId('live-ended').innerText(), { timeout: 10_000 }).toContain('Invitationen udløb');
    expect(await new JoinPageModel(app).storedRooms()).toEqual([]);
  });
});
