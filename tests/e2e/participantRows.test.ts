// One person, one participant row: the clerk types "Lars Holm" / "Medialogic A/S", Lars joins by the invitation link
// over live sync (two browser profiles, WebRTC on loopback) and his key lands on that row instead of a second one.
// Rows already listed twice are merged with "Flet", an unsure pair is asked about; the list fits 360 px; and
// "Næste møde" copies participants, place, times and the date written under "Næste møde", with the next title.
// Runs at 1366×768 and 390×844; screenshots of the participants at 360 px go to $REFERAT_SCREENSHOTS.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignallingServer } from '../../server/signallingServer.mjs';
import { ParticipantsList } from './pages/ParticipantsList';
import { useBrowserFixture } from './support/browserFixture';
import { liveDevice } from './support/liveDevice';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('one person, one participant row', () => {
  const fx = useBrowserFixture();
  let signalling: Awaited<ReturnType<typeof startSignallingServer>> | null = null;
  let port = 0;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    signalling = await startSignallingServer({});
    port = signalling.port;
  });
  afterAll(async () => {
    await signalling?.close();
  });

  for (const size of SIZES) {
    it(`links Lars's key to the row the clerk typed, merges and asks about doubles, and carries the meeting on (${size.name})`, async () => {
      const clerk = await liveDevice(fx, port, { name: 'Mette Sørensen', organisation: 'Aarhus Kommune', kind: 'Kommune' });
      await clerk.page.setViewportSize({ width: size.width, height: size.height });
      const docId = await clerk.createReferat();
      await clerk.titleField.fill('Styregruppemøde 11');
      await clerk.page.getByLabel('Dato', { exact: true }).fill('2026-12-08');
      await clerk.page.getByLabel('Starttidspunkt', { exact: true }).fill('10:00');
      await clerk.page.getByLabel('Sluttidspunkt', { exact: true }).fill('12:00');
      await clerk.page.getByLabel('Sted', { exact: true }).fill('Rådhuset, mødelokale 2');
      await clerk.addParticipant('Lars Holm', 'Medialogic A/S');
      // The date for the next meeting, written below the agenda title "Næste møde".
      await clerk.minutes.caretAtEndOf('Næste møde');
      await clerk.page.keyboard.press('ArrowDown');
      await clerk.page.keyboard.type('Tirsdag den 12. januar 2027 kl. 10 hos Medialogic');
      await expect.poll(() => clerk.editorText()).toContain('Tirsdag den 12. januar 2027');
      const list = new ParticipantsList(clerk.page);
      expect(await list.summary()).toEqual(['Mette Sørensen / Aarhus Kommune / -', 'Lars Holm / Medialogic A/S / -']);

      // Lars's device has no copy: it joins by the link, and links his key once the referat has arrived.
      const link = await clerk.invite();
      const lars = await liveDevice(fx, port, { name: 'Lars Holm', organisation: 'Medialogic A/S', kind: 'Leverandør' });
      await lars.page.setViewportSize({ width: size.width, height: size.height });
      await lars.page.goto(link);
      await lars.page.getByRole('button', { name: 'Deltag', exact: true }).click();
      await lars.page.waitForURL(`**/r/${docId}`);
      await expect.poll(() => list.summary(), { timeout: 20_000 }).toEqual(['Mette Sørensen / Aarhus Kommune / nøgle', 'Lars Holm / Medialogic A/S / nøgle']);
      const larsList = new ParticipantsList(lars.page);
      await expect.poll(() => larsList.summary(), { timeout: 20_000 }).toEqual(await list.summary());
      const larsKey = (await list.read())[1]!.key ?? '';
      expect(larsKey).toMatch(/^Nøgle: [0-9A-F]{4}( [0-9A-F]{4}){7}$/);
      expect(await list.questions.count()).toBe(0);

      // The clerk types him again, as one field: "Lars Holm står to gange", and "Flet" keeps the key and presence.
      await clerk.page.getByRole('button', { name: 'Tilføj deltager' }).click();
      await clerk.page.getByRole('textbox', { name: 'Navn (3)' }).fill('lars holm, Medialogic A/S');
      await list.questions.filter({ hasText: 'Lars Holm står to gange.' }).waitFor();
      await list.section.screenshot({ path: path.join(OUT, `participants-twice-${size.name}.png`) });
      await list.merge('Lars Holm');
      await expect.poll(() => list.result.innerText()).toBe('Lars Holm står nu på én række. Intet gik tabt.');
      expect(await list.summary()).toEqual(['Mette Sørensen / Aarhus Kommune / nøgle', 'Lars Holm / Medialogic A/S / nøgle']);
      await expect.poll(() => larsList.summary()).toEqual(await list.summary());

      // Unsure (no organisation): asked, never merged silently; "Nej" keeps both, with short, unique "Fjern" names.
      await clerk.page.getByRole('button', { name: 'Tilføj deltager' }).click();
      await clerk.page.getByRole('textbox', { name: 'Navn (3)' }).fill('Lars Holm');
      const question = new RegExp(`^Er Lars Holm \\(Medialogic A/S, nøgle ${larsKey.slice(7, 16)} …\\) den samme som rækken 'Lars Holm'\\?$`);
      await clerk.page.getByRole('group', { name: question }).waitFor();
      await list.section.screenshot({ path: path.join(OUT, `participants-question-${size.name}.png`) });
      expect(await list.rows.count()).toBe(3);
      expect(await list.removeButton('Lars Holm, Medialogic A/S').count()).toBe(1);
      expect(await list.removeButton('Lars Holm (3)').count()).toBe(1);
      expect(await list.removeButton('Mette Sørensen').count()).toBe(1);
      await list.answer(question, 'Nej');
      await expect.poll(() => list.result.innerText()).toBe('Lars Holm beholdes på to rækker.');
      expect(await list.questions.count()).toBe(0);
      await list.removeButton('Lars Holm (3)').click();
      await expect.poll(() => list.rows.count()).toBe(2);

      // At 360 px the list fits: no sideways scrolling, every name field and remove button inside the screen.
      await clerk.page.setViewportSize({ width: 360, height: 800 });
      await list.section.scrollIntoViewIfNeeded();
      expect(await clerk.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      for (const control of [...(await list.rows.getByRole('textbox', { name: /^Navn/ }).all()), ...(await list.rows.getByRole('button', { name: /^Fjern/ }).all())]) {
        const box = await control.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      }
      await list.section.screenshot({ path: path.join(OUT, `participants-360-${size.name}.png`) });
      await clerk.page.setViewportSize({ width: size.width, height: size.height });
      if (size.name === 'laptop') await list.section.screenshot({ path: path.join(OUT, 'participants-1366.png') });

      // Lars is marked absent here; "Næste møde" lists everyone as present, with place, times, the written date and title.
      await list.rows.nth(1).getByRole('checkbox').uncheck();
      await clerk.waitUntilSaved();
      await clerk.page.getByRole('button', { name: 'Næste møde', exact: true }).click();
      await clerk.page.waitForURL((url) => !url.pathname.endsWith(docId));
      await clerk.page.getByLabel('Sted', { exact: true }).waitFor();
      expect(await clerk.titleField.inputValue()).toBe('Styregruppemøde 12');
      expect(await clerk.page.getByLabel('Dato', { exact: true }).inputValue()).toBe('2027-01-12');
      expect(await clerk.page.getByLabel('Starttidspunkt', { exact: true }).inputValue()).toBe('10:00');
      expect(await clerk.page.getByLabel('Sluttidspunkt', { exact: true }).inputValue()).toBe('12:00');
      expect(await clerk.page.getByLabel('Sted', { exact: true }).inputValue()).toBe('Rådhuset, mødelokale 2');
      const next = new ParticipantsList(clerk.page);
      await expect.poll(() => next.read()).toEqual([
        { name: 'Mette Sørensen', organisation: 'Aarhus Kommune', role: '', present: true, key: expect.stringMatching(/^Nøgle: /) },
        { name: 'Lars Holm', organisation: 'Medialogic A/S', role: '', present: true, key: larsKey },
      ]);
      await clerk.page.screenshot({ path: path.join(OUT, `next-meeting-${size.name}.png`) });
    });
  }
});
