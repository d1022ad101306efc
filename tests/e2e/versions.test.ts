// Versions on a referat's page: save a named version, open it read-only, compare it with the current text (marks and
// legend by their accessible names, an action item's changed due date), restore it and undo the restore; looking at
// versions writes nothing to the stored document. Then two profiles: the other party's copy, compared, names them,
// and the comparison with the current text follows further typing.
// Screenshots of the panel and the comparison (1366×768 and 360 px) go to $REFERAT_SCREENSHOTS, to be looked at.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { VersionsPanelModel } from './pages/VersionsPanelModel';
import { useBrowserFixture } from './support/browserFixture';
import { vendorImportsCopy } from './support/vendorImportsCopy';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const METTE = 'Mette Holm, Aarhus Kommune';

/** What in the versions panel reaches past the window's right edge (the app's header and other panels are not this test's). */
const overflowing = (versions: VersionsPanelModel) =>
  versions.panel.evaluate((panel) => {
    const width = document.documentElement.clientWidth;
    return [panel, ...panel.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5).map((e) => `${e.tagName} ${e.className}`);
  });

/** The stored state once two reads half a second apart agree (writes after typing have landed). */
async function settledState(versions: VersionsPanelModel, id: string): Promise<Awaited<ReturnType<VersionsPanelModel['storedState']>>> {
  let last = await versions.storedState(id);
  for (;;) {
    await versions.page.waitForTimeout(500);
    const now = await versions.storedState(id);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

describe('versions', () => {
  const fx = useBrowserFixture();

  it('saves a named version, shows it read-only, compares it with the current text, restores it and undoes that', async () => {
    await mkdir(OUT, { recursive: true });
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    const { page } = app;
    const versions = new VersionsPanelModel(page);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.titleField.fill('Driftsmøde med Systemhuset');
    await app.typeAfter('Beslutninger', ': budgettet godkendes');
    await app.minutes.caretBelowTitle('Status');
    await page.keyboard.press('Control+Alt+h');
    await page.keyboard.type('Send logfiler');
    const item = page.getByRole('group', { name: 'Handlingspunkt' });
    await item.getByLabel('Frist').fill('2026-03-15');
    await app.waitUntilSaved();

    await versions.save('Udkast sendt til leverandør');
    await expect.poll(() => versions.entries()).toEqual([
      'Nuværende tekst | Teksten, som den står nu',
      expect.stringMatching(/^»Udkast sendt til leverandør« \| Gemt af Mette Holm, Aarhus Kommune, \d+\. \w+\.? \d{4}/),
    ]);

    // More writing after the version: a sentence added, two words replaced, the due date moved.
    await app.typeAfter('Eventuelt', ': leverandøren sender tidsplan');
    await app.typeAfter('budgettet godkendes', '');
    for (let i = 0; i < ' godkendes'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(' udskydes');
    await item.getByLabel('Frist').fill('2026-04-01');
    await expect.poll(() => app.editorText()).toContain('Beslutninger: budgettet udskydes');
    await app.waitUntilSaved();
    const stored = await settledState(versions, id);

    // Opened: the text as it was, labelled as a version, not the current text.
    const view = await versions.open('»Udkast sendt til leverandør«');
    expect(await view.getByRole('heading', { level: 3 }).innerText()).toBe('Version: »Udkast sendt til leverandør«');
    expect(await view.getByRole('note').innerText()).toContain('Det er ikke den nuværende tekst');
    const old = await versions.viewText();
    expect(old).toContain('Beslutninger: budgettet godkendes');
    expect(old).toContain('Send logfiler');
    expect(old).toContain('Frist: 15. mar. 2026');
    expect(old).not.toContain('leverandøren sender tidsplan');
    expect(old).not.toContain('udskydes');

    // Compared with the current text: what was added and deleted, by whom, and the changed field.
    await versions.compareWithCurrent('»Udkast sendt til leverandør«');
    expect(await versions.comparison.getByRole('heading', { level: 3 }).innerText()).toBe('Ændringer fra »Udkast sendt til leverandør« til Nuværende tekst');
    expect(await versions.insertions(`indsat af ${METTE}`)).toEqual(['udskydes', ': leverandøren sender tidsplan']);
    expect(await versions.deletions(`slettet af ${METTE}`)).toEqual(['godkendes']);
    expect(await versions.legend()).toEqual([`${METTE}: 39 tegn indsat, 10 tegn slettet, 1 felt ændret`]);
    expect(await versions.fieldChanges()).toEqual([`Frist: 15. mar. 2026 → 1. apr. 2026 (ændret af ${METTE})`]);
    // Underlined and struck through: colour is never the only cue.
    const ins = versions.comparison.getByRole('insertion').first();
    expect(await ins.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    expect(await versions.comparison.getByRole('deletion').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');

    // Any two versions: the named version against itself is refused, the current text against the version works.
    await versions.compare('Nuværende tekst', /^»Udkast sendt til leverandør«/);
    expect(await versions.insertions(`indsat af ${METTE}`)).toEqual(['udskydes', ': leverandøren sender tidsplan']);

    // Looking wrote nothing: the stored updates and the state they add up to are as before.
    expect(await settledState(versions, id)).toEqual(stored);

    for (const size of [{ name: 'laptop', width: 1366, height: 768 }, { name: 'phone', width: 360, height: 780 }]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await versions.panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(OUT, `versions-panel-${size.name}.png`) });
      await versions.comparison.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(OUT, `versions-compare-${size.name}.png`) });
      await versions.panel.screenshot({ path: path.join(OUT, `versions-panel-whole-${size.name}.png`) });
      expect(await overflowing(versions)).toEqual([]);
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // Restore: asked first, then the text and the due date are as in the version; undo brings back what was there.
    await versions.open('»Udkast sendt til leverandør«');
    await versions.restoreShown();
    await expect.poll(() => app.editorText()).toContain('Beslutninger: budgettet godkendes');
    expect(await app.editorText()).not.toContain('leverandøren sender tidsplan');
    await expect.poll(() => item.getByLabel('Frist').inputValue()).toBe('2026-03-15');
    await versions.undoRestore();
    await expect.poll(() => app.editorText()).toContain('Beslutninger: budgettet udskydes');
    expect(await app.editorText()).toContain('Eventuelt: leverandøren sender tidsplan');
    await expect.poll(() => item.getByLabel('Frist').inputValue()).toBe('2026-04-01');
    await expect.poll(() => versions.panel.getByRole('button', { name: 'Fortryd gendannelse' }).count()).toBe(0);

    // An approval is a version too. The approved referat is locked: a version can still be saved (it changes no
    // content), but nothing is restored.
    await app.waitUntilSaved();
    await app.approve();
    await expect.poll(() => versions.entries()).toEqual([
      'Nuværende tekst | Teksten, som den står nu',
      expect.stringMatching(/^Godkendt af Mette Holm, Aarhus Kommune \| \d+\. \w+\.? \d{4}/),
      expect.stringMatching(/^»Udkast sendt til leverandør« \| Gemt af /),
    ]);
    await versions.save('Godkendt udgave til arkivet');
    expect((await versions.entries())[1]).toMatch(/^»Godkendt udgave til arkivet« \| Gemt af Mette Holm, Aarhus Kommune/);
    await expect.poll(() => app.approvalStatus()).toContain('Status: Godkendt.');
    const approved = await versions.open('Godkendt af Mette Holm, Aarhus Kommune');
    expect(await versions.viewText()).toContain('Beslutninger: budgettet udskydes');
    expect(await approved.getByRole('button', { name: 'Gendan denne version' }).count()).toBe(0);
  });

  it('names the other party in the legend when comparing in a copy they sent', async () => {
    const { vendor: b } = await vendorImportsCopy(fx, 'Styregruppemøde 5', 'næste møde i april', async (a) => {
      await a.typeAfter('Beslutninger', ': kontrakten forlænges');
      await a.waitUntilSaved();
      await new VersionsPanelModel(a.page).save('Udkast');
      await a.typeAfter('Eventuelt', ': næste møde i april');
    });
    const versions = new VersionsPanelModel(b.page);
    // The import made an automatic version on this device, beside the named one the copy brought.
    await expect.poll(() => versions.entries()).toEqual([
      'Nuværende tekst | Teksten, som den står nu',
      expect.stringMatching(/^Automatisk version ved import \| .* – kun på denne enhed$/),
      expect.stringMatching(/^»Udkast« \| Gemt af Mette Holm, Aarhus Kommune, /),
    ]);
    // Bo writes too: the legend then names both, each with what they changed.
    await b.typeAfter('Status', ': leverandøren er i gang');
    await b.waitUntilSaved();
    await versions.compareWithCurrent('»Udkast«');
    expect(await versions.insertions(`indsat af ${METTE}`)).toEqual([': næste møde i april']);
    expect(await versions.insertions('indsat af Bo Lund, Systemhuset A/S')).toEqual([': leverandøren er i gang']);
    expect(await versions.legend()).toEqual([
      'Bo Lund, Systemhuset A/S: 24 tegn indsat',
      `${METTE}: 20 tegn indsat`,
    ]);
    // A comparison with the current text follows it: Bo types on, and the comparison shows it a moment later.
    await b.typeAfter('leverandøren er i gang', ' med test');
    await expect.poll(() => versions.insertions('indsat af Bo Lund, Systemhuset A/S')).toEqual([': leverandøren er i gang med test']);
    expect(await versions.legend()).toEqual([
      'Bo Lund, Systemhuset A/S: 33 tegn indsat',
      `${METTE}: 20 tegn indsat`,
    ]);
  });
});
