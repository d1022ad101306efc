// Kendte nøgler: confirm a key by its fingerprint, revoke it, and pass an organisation's key list from one
// device to another; a tampered list is refused and changes nothing.
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { SettingsKeys } from './pages/SettingsKeys';
import { useBrowserFixture } from './support/browserFixture';

const JENS = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';
const JENS_READ_ALOUD = '41977 04800 00000 65535 00001 48879 31354 04660';

describe('known keys', () => {
  const fx = useBrowserFixture();

  it('confirms a key read aloud over the phone, lists it as confirmed, and revokes it', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Lars Leverandør', organisation: 'IT-Leverandøren A/S', kind: 'Leverandør' });
    const keys = await SettingsKeys.open(app);
    const own = await keys.ownFingerprint();
    expect(await keys.ownReadAloud()).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(await keys.keyRows()).toEqual([{ fingerprint: own, state: 'confirmed', text: expect.stringContaining('denne enheds egen nøgle') }]);

    // Bad input is refused with a message, and nothing is stored.
    expect(await keys.confirmKey({ fingerprint: '41977 04800', name: 'Jens Hansen', organisation: 'Holstebro Kommune', kind: 'Kommune', how: 'læst op i telefon' }))
      .toContain('Fingeraftrykket skal være 32 tegn');
    expect(await keys.confirmKey({ fingerprint: own, name: 'Mig', organisation: 'IT-Leverandøren A/S', kind: 'Leverandør', how: 'læst op i telefon' }))
      .toContain('Det er denne enheds egen nøgle');
    expect(await keys.keyRows()).toHaveLength(1);

    expect(await keys.confirmKey({ fingerprint: JENS_READ_ALOUD, name: 'Jens Hansen', organisation: 'Holstebro Kommune', kind: 'Kommune', how: 'læst op i telefon' }))
      .toBe('Nøglen for Jens Hansen, Holstebro Kommune er bekræftet.');
    await keys.waitForKey(JENS, 'confirmed');
    const jens = (await keys.keyRows()).find((r) => r.fingerprint === JENS);
    expect(jens?.text).toContain('Jens Hansen, Holstebro Kommune');
    expect(jens?.text).toContain(JENS);
    expect(jens?.text).toContain(JENS_READ_ALOUD);
    expect(jens?.text).toContain('læst op i telefon');

    // A second key for the same person is called out before it is confirmed.
    await keys.confirmForm.getByLabel('Fingeraftryk der skal bekræftes').fill('B000 0000 0000 0000 0000 0000 0000 0001');
    await keys.confirmForm.getByLabel('Nøgleejerens navn').fill('jens hansen');
    await keys.confirmForm.getByLabel('Nøgleejerens organisation').fill('Holstebro Kommune');
    expect(await keys.confirmForm.getByTestId('confirm-key-other').innerText()).toBe('Du kender en anden nøgle for Jens Hansen, Holstebro Kommune.');

    await keys.revoke('Jens Hansen');
    await keys.waitForKey(JENS, 'revoked');
    await app.page.reload();
    const again = await SettingsKeys.open(app);
    await again.waitForKey(JENS, 'revoked');
    expect((await again.keyRows()).find((r) => r.fingerprint === JENS)?.text).toContain('tilbagekaldt');
  });

  it('imports a key list from a confirmed administrator; a tampered one is refused and changes nothing', async () => {
    const admin = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await admin.setUpProfile({ name: 'Maria Admin', organisation: 'Holstebro Kommune' });
    const adminKeys = await SettingsKeys.open(admin);
    const adminFp = await adminKeys.ownFingerprint();
    await adminKeys.confirmKey({ fingerprint: JENS, name: 'Jens Hansen', organisation: 'Holstebro Kommune', kind: 'Kommune', how: 'sammenlignet ved møde' });
    await adminKeys.waitForKey(JENS, 'confirmed');
    const list = await adminKeys.exportKeyList(['Jens Hansen'], { from: '2026-01-01' });
    expect(list.name).toMatch(/^noegler-Holstebro Kommune-\d{4}-\d{2}-\d{2}\.referat-noegler$/);
    const parsed = JSON.parse(list.bytes.toString('utf8')) as { format: string; keys: Array<{ name: string; fingerprint: string }> };
    expect(parsed.format).toBe('referat-keylist/1');
    expect(parsed.keys.map((k) => [k.name, k.fingerprint])).toEqual([['Maria Admin', adminFp], ['Jens Hansen', JENS]]);

    const vendor = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await vendor.setUpProfile({ name: 'Lars Leverandør', organisation: 'IT-Leverandøren A/S', kind: 'Leverandør' });
    const vendorKeys = await SettingsKeys.open(vendor);

    // Before the administrator's key is confirmed, the list is refused.
    const early = await vendorKeys.importKeyList(list.name, list.bytes);
    expect(early).toEqual({ ok: false, text: expect.stringContaining('Administratorens nøgle er ikke bekræftet på denne enhed') });
    expect(early.text).toContain('Intet er ændret.');

    await vendorKeys.confirmKey({ fingerprint: adminFp, name: 'Maria Admin', organisation: 'Holstebro Kommune', kind: 'Kommune', how: 'læst op i telefon' });
    await vendorKeys.waitForKey(adminFp, 'confirmed');
    const before = await vendorKeys.keyRows();

    const tampered = Buffer.from(list.bytes.toString('utf8').replace('"Jens Hansen"', '"Lars Leverandør"'), 'utf8');
    const refused = await vendorKeys.importKeyList('tampered.referat-noegler', tampered);
    expect(refused.ok).toBe(false);
    expect(refused.text).toBe(
      'Nøglelisten tampered.referat-noegler blev afvist: Underskriften passer ikke. Listen er ændret efter underskriften eller underskrevet med en anden nøgle. Intet er ændret.',
    );
    expect(await vendorKeys.keyRows()).toEqual(before);

    const imported = await vendorKeys.importKeyList(list.name, list.bytes);
    expect(imported.ok).toBe(true);
    expect(imported.text).toContain('Nøglelisten fra Maria Admin for Holstebro Kommune er importeret. Nye bekræftede nøgler: 1.');
    await vendorKeys.waitForKey(JENS, 'confirmed');
    const jens = (await vendorKeys.keyRows()).find((r) => r.fingerprint === JENS);
    expect(jens?.text).toContain('Jens Hansen, Holstebro Kommune');
    expect(jens?.text).toContain('fra nøgleliste');
    expect(jens?.text).toContain('Maria Admin, Holstebro Kommune');
  });
});
