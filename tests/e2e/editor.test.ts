// The rich-text editor: formatting by keyboard and toolbar, Yjs undo/redo, and only safe links.
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('editor', () => {
  const fx = useBrowserFixture();

  async function openNew(): Promise<ReferatApp> {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    return app;
  }

  it('exposes the stable accessible name and role', async () => {
    const app = await openNew();
    expect(await app.editor.getAttribute('aria-multiline')).toBe('true');
    expect(await app.editor.getAttribute('contenteditable')).toBe('true');
  });

  it('formats with shortcuts and toolbar, and undoes and redoes through Yjs', async () => {
    const app = await openNew();
    const { page } = app;
    await app.typeAfter('Status', '');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Normal ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('fed');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' og ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('kursiv');
    await page.keyboard.press('Control+i');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- første punkt');
    await page.keyboard.press('Enter');
    await page.keyboard.type('andet punkt');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Underoverskrift' }).click();
    await page.keyboard.type('Delkonklusion');

    expect(await app.editor.locator('strong').innerText()).toBe('fed');
    expect(await app.editor.locator('em').innerText()).toBe('kursiv');
    expect(await app.editor.locator('ul > li').allInnerTexts()).toEqual(['første punkt', 'andet punkt']);
    expect(await app.editor.locator('h3').innerText()).toBe('Delkonklusion');
    expect(await page.getByRole('button', { name: 'Underoverskrift' }).getAttribute('aria-pressed')).toBe('true');

    await page.keyboard.press('Control+z');
    await expect.poll(() => app.editor.locator('h3').count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => app.editor.locator('h3').innerText()).toBe('Delkonklusion');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => app.editor.locator('h3').count()).toBe(0);
    await page.getByRole('button', { name: 'Gentag' }).click();
    await expect.poll(() => app.editor.locator('h3').innerText()).toBe('Delkonklusion');
  });

  it('allows http, https and mailto links, and refuses javascript: with a message', async () => {
    const app = await openNew();
    const { page } = app;
    await app.typeAfter('Status', '');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Se KL');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const field = page.getByLabel('Linkadresse');
    await field.fill('javascript:alert(document.domain)');
    await page.getByRole('button', { name: 'Indsæt link' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Kun links med http, https eller mailto er tilladt.');
    expect(await app.editor.locator('a').count()).toBe(0);
    await field.fill('www.kl.dk');
    await page.getByRole('button', { name: 'Indsæt link' }).click();
    await expect.poll(() => app.editor.locator('a').getAttribute('href')).toBe('https://www.kl.dk');
    expect(await app.editor.locator('a').innerText()).toBe('KL');
  });

  it('cleans pasted HTML: unsafe links and scripts never reach the document', async () => {
    const app = await openNew();
    await app.typeAfter('Eventuelt', '');
    await app.page.keyboard.press('ArrowDown');
    await app.editor.evaluate((el) => {
      const dt = new DataTransfer();
      dt.setData('text/html', '<p>Klik <a href="javascript:alert(1)">her</a> og <a href="https://www.kl.dk/">KL</a><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"></p>');
      dt.setData('text/plain', 'Klik her og KL');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => app.editorText()).toContain('Klik her og KL');
    const hrefs = await app.editor.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://www.kl.dk/']);
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await app.editor.locator('script, img').count()).toBe(0);
  });
});
