// Invitation links ask before anything changes: a link for a referat this device has (in its own room) says what
// it is and what will be shared with whom; "Annullér" changes nothing, "Deltag" changes the room. A malformed link
// stores nothing, and the secret leaves the address bar at once.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JoinPageModel } from './pages/JoinPageModel';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const token = (bytes: number) => randomBytes(bytes).toString('base64url');
const at = (app: ReferatApp, fragment: string) => app.url(`/join#${fragment}`);

describe('joining asks', () => {
  const fx = useBrowserFixture();

  it('a link for a referat in its own room asks; Annullér keeps the room, Deltag changes it', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const docId = await app.createReferat();
    await app.titleField.fill('Driftsmøde juni');
    await app.waitUntilSaved();
    const own = new URL(await app.invite());
    const join = new JoinPageModel(app);
    const before = await join.storedRoom(docId);
    await app.nav('Bibliotek');
    await expect.poll(() => app.libraryTitles()).toEqual(['Driftsmøde juni']);
    expect(before?.roomId).toBe(new URLSearchParams(own.hash.slice(1)).get('room'));

    // Someone who read the referat's id in a journal crafts a link to a room of their own.
    const room = token(16);
    const key = token(32);
    const link = at(app, `doc=${docId}&room=${room}&key=${key}`);
    await join.open(link);
    await join.question.waitFor();
    // The secret is gone from the address at once, before any answer.
    expect(app.page.url()).toBe(app.url('/join'));
    const asked = await join.questionText();
    expect(asked).toContain('Du har allerede dette referat på denne enhed.');
    expect(asked).toContain('Driftsmøde juni');
    expect(asked).toContain('Aarhus Kommune');
    expect(asked).toContain(docId);
    expect(asked).toContain('Referatet deles allerede live i et andet rum på denne enhed.');
    expect(asked).toContain('Hele referatet deles med alle, der har dette link');

    await join.cancel();
    expect(await join.storedRoom(docId)).toEqual(before);

    await join.open(link);
    await join.accept(docId);
    expect(await join.storedRoom(docId)).toEqual({ docId, roomId: room, secret: key });
    expect(app.page.url()).not.toContain(key);

    // The link of the room it is in already asks nothing: nothing would change.
    await join.open(link);
    await app.page.waitForURL(`**/r/${docId}`);
    expect(await join.storedRooms()).toEqual([{ docId, roomId: room, secret: key }]);
  });

  it('a link for an unknown referat shows its id and that nothing is stored; Annullér stores nothing', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    const join = new JoinPageModel(app);
    const docId = randomUUID();
    await join.open(at(app, `doc=${docId}&room=${token(16)}&key=${token(32)}`));
    const asked = await join.questionText();
    expect(asked).toContain('Referatet findes ikke på denne enhed, og intet er gemt endnu.');
    expect(asked).toContain(docId);
    expect(asked).toContain('Alt, hvad du skriver i det, deles med alle, der har dette link.');
    expect(await join.storedRooms()).toEqual([]);
    await join.cancel();
    expect(await join.storedRooms()).toEqual([]);
    await app.nav('Bibliotek');
    expect(await app.libraryTitles()).toEqual([]);
  });

  it.each([
    ['a room id that is too short', (doc: string) => `doc=${doc}&room=kort&key=${token(32)}`],
    ['a key with markup', (doc: string) => `doc=${doc}&room=${token(16)}&key=<script>alert(1)</script>`],
    ['no key', (doc: string) => `doc=${doc}&room=${token(16)}`],
    ['a referat id that is not one', () => `doc=ikke-et-id&room=${token(16)}&key=${token(32)}`],
  ])('a malformed link (%s) says so clearly and stores nothing', async (_what, fragment) => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const docId = await app.createReferat();
    await app.invite();
    const join = new JoinPageModel(app);
    const before = await join.storedRooms();
    await join.open(at(app, fragment(docId)));
    await expect
      .poll(() => app.page.getByRole('alert').innerText())
      .toBe('Invitationslinket er ugyldigt eller ufuldstændigt. Intet er gemt eller ændret. Bed afsenderen om et nyt link.');
    expect(app.page.url()).toBe(app.url('/join'));
    expect(await join.question.count()).toBe(0);
    expect(await join.storedRooms()).toEqual(before);
  });
});
