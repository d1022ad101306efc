// "Hvem skrev hvad" on the live document: two profiles exchange a file; on the receiver's device the toggle, used with
// the keyboard only, colours each party's text and names them on hover (title) and at the caret (a status line),
// lists the authors with how much each wrote, and switches off again. Screenshots (1366×768 and 360 px) go to
// $REFERAT_SCREENSHOTS, to be looked at.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WhoWroteWhatModel } from './pages/WhoWroteWhatModel';
import { useBrowserFixture } from './support/browserFixture';
import { vendorImportsCopy } from './support/vendorImportsCopy';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const METTE = 'Mette Holm, Aarhus Kommune';
const BO = 'Bo Lund, Systemhuset A/S';

describe('who wrote what', () => {
  const fx = useBrowserFixture();

  it('colours the text by author, names them at the caret, lists them, and works by keyboard', async () => {
    await mkdir(OUT, { recursive: true });
    const { vendor: b } = await vendorImportsCopy(fx, 'Styregruppemøde 7', 'næste møde i april', async (a) => {
      await a.typeAfter('Eventuelt', ': næste møde i april');
    });
    await b.typeAfter('Status', ': leverandøren er i gang');
    await b.waitUntilSaved();

    const who = new WhoWroteWhatModel(b.page);
    expect(await who.coloured()).toEqual([]);
    await who.toggleByKeyboard();
    expect(await who.pressed()).toBe(true);
    // Each party's text carries their name (shown on hover); the seeded template is nobody's.
    await expect.poll(() => who.textBy(METTE)).toEqual([': næste møde i april']);
    expect(await who.textBy(BO)).toEqual([': leverandøren er i gang']);
    expect((await who.textFrom('Fra skabelonen (ingen har skrevet det)')).join('')).toContain('Eventuelt');
    // How much each wrote, as a share of all the text: the template's characters first, then each party's.
    const listed = await who.authors();
    const template = Number(/^skabelonen: (\d+) tegn/.exec(listed[0] ?? '')?.[1]);
    const percent = (n: number) => Math.round((100 * n) / (template + 24 + 20));
    expect(listed).toEqual([
      `skabelonen: ${template} tegn (${percent(template)} %)`,
      `${BO}: 24 tegn (${percent(24)} %)`,
      `${METTE}: 20 tegn (${percent(20)} %)`,
    ]);
    expect(template).toBeGreaterThan(20);
    // Colour is not the only cue: the two organisations are underlined differently.
    await expect.poll(async () => new Set([await who.underlineOf(METTE), await who.underlineOf(BO)]).size).toBe(2);

    // The caret, moved with the keyboard, names whoever wrote the text there.
    await b.editor.getByText('næste møde i april').click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.press('ArrowLeft');
    await expect.poll(() => who.atCaret()).toBe(`Ved markøren: skrevet af ${METTE}`);
    await b.page.keyboard.press('Home');
    await b.page.keyboard.press('ArrowRight');
    await expect.poll(() => who.atCaret()).toBe('Ved markøren: tekst fra skabelonen, som ingen har skrevet');

    // Text typed while it is on is coloured too, a moment later.
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' og maj');
    await expect.poll(() => who.textBy(BO)).toEqual([': leverandøren er i gang', ' og maj']);

    for (const size of [{ name: 'laptop', width: 1366, height: 768 }, { name: 'phone', width: 360, height: 780 }]) {
      await b.page.setViewportSize({ width: size.width, height: size.height });
      await who.toggle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await b.page.screenshot({ path: path.join(OUT, `who-wrote-what-${size.name}.png`) });
    }
    await b.page.setViewportSize({ width: 1366, height: 768 });

    await who.toggleByKeyboard();
    expect(await who.pressed()).toBe(false);
    expect(await who.coloured()).toEqual([]);
  });
});
