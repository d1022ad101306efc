// Content a newer version (or a hostile peer) wrote that this version cannot show: an unknown mark, an unknown node
// and an embed. The referat opens editable, shows each as a labelled placeholder, and after the user has typed
// elsewhere every one of them is still in the document, byte for byte, in a `.referat` copy.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseReferatFile } from '../../src/core/referatFile';
import { ReferatApp } from './pages/ReferatApp';
import { addStoredUpdate } from './support/referatDatabase';
import { useBrowserFixture } from './support/browserFixture';

const para = (text: string) => {
  const el = new Y.XmlElement('paragraph');
  el.insert(0, [new Y.XmlText(text)]);
  return el;
};

/** The three blocks a newer peer writes at the start of the body, each holding something this schema does not know. */
function newerBlocks(body: Y.XmlFragment): void {
  const poll = new Y.XmlElement('poll');
  poll.setAttribute('question', 'Frokost?');
  poll.insert(0, [para('Afstemning om frokost')]);
  body.insert(0, [para('Hemmelig plan'), poll, para('Billede her: ')]);
  ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { x: true });
  ((body.get(2) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(13, { image: 'https://example.org/x.png' });
}

/** The body's blocks as Yjs holds them: names, attributes, formats and embeds. */
function describeBlocks(body: Y.XmlFragment): unknown[] {
  const walk = (t: Y.XmlElement | Y.XmlText): unknown =>
    t instanceof Y.XmlText ? t.toDelta() : { name: t.nodeName, attrs: t.getAttributes(), children: t.toArray().map((c) => walk(c as Y.XmlElement)) };
  return body.toArray().map((t) => walk(t as Y.XmlElement));
}

describe('content this version does not know', () => {
  const fx = useBrowserFixture();

  it('is shown as a placeholder and kept while the user edits elsewhere', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.waitUntilSaved();
    await app.nav('Bibliotek');

    const newer = new Y.Doc({ gc: false });
    newer.clientID = 0xfffffff0;
    newerBlocks(newer.getXmlFragment('body'));
    const expected = describeBlocks(newer.getXmlFragment('body'));
    await addStoredUpdate(app.page, id, Y.encodeStateAsUpdate(newer));

    await app.goto(`/r/${id}`);
    const placeholders = app.editor.locator('.unknown-content');
    await expect.poll(async () => `${await placeholders.count()} ${await app.page.locator('main').innerText()}`, { timeout: 30_000 }).toMatch(/^3 /);
    expect(await placeholders.first().innerText()).toContain('Ukendt indhold fra en nyere version');
    expect(await placeholders.first().innerText()).toContain('Hemmelig plan');
    expect(await placeholders.nth(1).innerText()).toContain('Afstemning om frokost');
    expect(await app.editor.getAttribute('aria-readonly')).not.toBe('true');

    await app.typeAtEnd(' Skrevet bagefter.');
    await expect.poll(() => app.editorText()).toContain('Skrevet bagefter.');
    await app.waitUntilSaved();

    const copy = parseReferatFile(new Uint8Array((await app.downloadCopy()).bytes));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, copy.update);
    const body = doc.getXmlFragment('body');
    // The peer's three blocks merge in beside the template's; each is there exactly as written.
    expect(describeBlocks(body)).toEqual(expect.arrayContaining(expected));
    expect(body.toString()).toContain('Skrevet bagefter.');

    // And after a reload, from the stored document.
    await app.page.reload();
    await app.editor.waitFor({ timeout: 30_000 });
    await expect.poll(() => placeholders.count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => app.editorText()).toContain('Skrevet bagefter.');
  });

  it('a stray text directly in the body (a crafted copy) leaves the referat readable, unchanged and exportable', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.waitUntilSaved();
    await app.nav('Bibliotek');
    const crafted = new Y.Doc({ gc: false });
    crafted.clientID = 0xfffffff1;
    crafted.getXmlFragment('body').insert(0, [new Y.XmlText('Løs tekst uden afsnit'), para('Et almindeligt afsnit')]);
    await addStoredUpdate(app.page, id, Y.encodeStateAsUpdate(crafted));

    await app.goto(`/r/${id}`);
    // The binding cannot map a text outside a block: the page says the editor cannot open and shows the text read-only.
    const main = app.page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 30_000 }).toContain('Løs tekst uden afsnit');
    expect(await main.innerText()).toContain('Et almindeligt afsnit');
    const failed = app.page.getByTestId('editor-failed');
    expect(await failed.innerText()).toContain('intet i referatet er ændret');
    const copy = parseReferatFile(new Uint8Array((await app.downloadCopy()).bytes));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, copy.update);
    expect(doc.getXmlFragment('body').toString()).toContain('Løs tekst uden afsnit');
    expect(doc.getXmlFragment('body').toString()).toContain('Et almindeligt afsnit');
  });
});
