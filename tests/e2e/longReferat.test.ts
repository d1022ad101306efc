// A long referat: its first lines are painted from the document before the editor is built, then the editor
// takes over with every block, and typing at the end is saved.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReferatApp } from './pages/ReferatApp';
import { addStoredUpdate, storedPreviewLines } from './support/referatDatabase';
import { useBrowserFixture } from './support/browserFixture';

const LINES = 400;

/** An update from another device that puts LINES paragraphs before the template's text. */
function longText(): Uint8Array {
  const other = new Y.Doc({ gc: false });
  other.clientID = 0x7ffffff0;
  const paragraphs = Array.from({ length: LINES }, (_, i) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`Linje ${i + 1} af det lange referat`)]);
    return p;
  });
  other.getXmlFragment('body').insert(0, paragraphs);
  return Y.encodeStateAsUpdate(other);
}

describe('a long referat', () => {
  const fx = useBrowserFixture();

  it('paints its first lines before the editor is ready, then edits every block', async () => {
    const context = await fx.newContext();
    // Records what each kind of preview showed, however briefly it was there.
    await context.addInitScript(() => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { previewSeen: Record<string, string[]> }).previewSeen = seen;
      new MutationObserver(() => {
        for (const kind of ['minutes-preview', 'saved-preview']) {
          const preview = document.querySelector(`[data-testid="${kind}"]`);
          if (preview && !seen[kind]) seen[kind] = Array.from(preview.querySelectorAll('p'), (p) => p.textContent ?? '');
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const previewsSeen = () => app.page.evaluate(() => (window as unknown as { previewSeen: Record<string, string[]> }).previewSeen);
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.waitUntilSaved();
    await app.nav('Bibliotek');
    await addStoredUpdate(app.page, id, longText());

    await app.goto(`/r/${id}`);
    await app.editor.waitFor();
    const first = await previewsSeen();
    // Never opened on this device before: nothing saved to show yet, so the preview is made from the document.
    expect(first['saved-preview']).toBeUndefined();
    const preview = first['minutes-preview']!;
    expect(preview.length).toBeLessThan(LINES);
    expect(preview.at(-1)).toBe('Teksten gøres klar til redigering …');
    expect(preview).toContain('Linje 1 af det lange referat');
    expect(await app.page.getByTestId('minutes-preview').count()).toBe(0);

    // The preview was the document's own beginning, line for line (it leaves out empty blocks).
    const text = (await app.editorText()).split('\n');
    expect(preview.slice(0, 20)).toEqual(text.filter((l) => l !== '').slice(0, 20));
    expect(text.filter((l) => l.startsWith('Linje ')).length).toBe(LINES);
    await app.typeAtEnd(' Tilføjet til sidst.');
    // Ctrl+End reaches the end of a long text, and new blocks typed into at once keep their characters in order.
    for (const word of ['ZQXk', 'Æøå nu', 'Sidste linje']) {
      await app.page.keyboard.press('Enter');
      await app.page.keyboard.type(word);
    }
    expect((await app.editorText()).split('\n').slice(-3)).toEqual(['ZQXk', 'Æøå nu', 'Sidste linje']);
    await app.waitUntilSaved();
    // The session keeps the first lines beside the document once it has indexed it.
    await expect.poll(() => storedPreviewLines(app.page, id), { timeout: 10_000 }).toEqual(preview.slice(0, -1));

    await app.page.reload();
    await app.editor.waitFor();
    expect(await app.editorText()).toContain('Tilføjet til sidst.');
    // On the next open the saved lines are painted before the document has been read, labelled as saved text.
    const saved = (await previewsSeen())['saved-preview']!;
    expect(saved.slice(0, -1)).toEqual(preview.slice(0, -1));
    expect(saved.at(-1)).toMatch(/^Teksten som den var gemt .*, mens referatet åbnes …$/);
  });
});
