// A referat written by a newer version opens read-only, and opening it never rewrites or drops what this
// version does not understand.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReferatApp } from './pages/ReferatApp';
import { addStoredUpdate, storedUpdateCount } from './support/referatDatabase';
import { useBrowserFixture } from './support/browserFixture';

describe('a newer format', () => {
  const fx = useBrowserFixture();

  it('opens read-only with a message, shows the text, and writes nothing', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.waitUntilSaved();
    await app.nav('Bibliotek');

    // What a future version might write: a higher format number and a node this version has never heard of.
    const future = new Y.Doc({ gc: false });
    future.clientID = 0xfffffff0;
    future.getMap('meta').set('formatVersion', 99);
    const node = new Y.XmlElement('futureNode');
    node.insert(0, [new Y.XmlText('Tekst fra fremtiden')]);
    future.getXmlFragment('body').insert(0, [node]);
    const update = Y.encodeStateAsUpdate(future);
    await addStoredUpdate(app.page, id, update);
    const before = await storedUpdateCount(app.page, id);

    await app.goto(`/r/${id}`);
    await app.page.getByText('Dette referat er lavet med en nyere version af Referat.').waitFor();
    await expect.poll(() => app.editor.innerText()).toContain('Tekst fra fremtiden');
    expect(await app.editor.getAttribute('aria-readonly')).toBe('true');
    expect(await app.titleField.getAttribute('readonly')).not.toBeNull();
    expect(await app.page.getByRole('button', { name: 'Invitér' }).count()).toBe(0);
    await app.page.reload();
    await expect.poll(() => app.editor.innerText()).toContain('Tekst fra fremtiden');
    expect(await storedUpdateCount(app.page, id)).toBe(before);
  });
});
