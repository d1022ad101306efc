// Exporting from the referat page checks the approvals against this device's known keys when the file is made: the
// own key and keys confirmed in Kendte nøgler count, a stranger's key claiming a participant's organisation does not.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { approve } from '../core/approve';
import { keyFingerprint } from '../core/fingerprint';
import { initReferat } from '../core/initReferat';
import { addParticipant } from '../core/participants';
import type { Profile } from '../core/profile';
import { newReferatDoc } from '../core/referatDoc';
import { STANDARD_TEMPLATE } from '../core/templates';
import { confirmKey } from '../storage/knownKeys';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { saveProfile } from '../storage/settingsStore';
import { exportReferat } from './exportReferat';
import { loadLocalIdentity } from './localIdentity';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const BO: Profile = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' };
const dbs: LibraryDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function device(): Promise<LibraryDatabase> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  await saveProfile(db, METTE);
  return db;
}

const decoder = new TextDecoder();

describe('exportReferat', () => {
  it('counts the own key and confirmed keys only, read from this device when the file is made', async () => {
    const db = await device();
    const doc = newReferatDoc();
    initReferat(doc, { id: '6f1c2b1e-0000-4000-8000-0000000000e1', title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: METTE });
    addParticipant(doc, { ...BO, role: '', present: true });
    const { identity } = await loadLocalIdentity(db, METTE);
    await approve(doc, METTE, identity);
    const vendor = await createTestSigner('ECDSA-P256');
    await approve(doc, BO, vendor);

    const before = await exportReferat(db, doc, 'html', 'da');
    expect(before.fileName).toBe('Driftsmøde 2026-03-04.html');
    let html = decoder.decode(before.bytes);
    expect(html).toContain('<dt>Status</dt><dd>Til godkendelse</dd>');
    expect(html).toMatch(/<th scope="row">Mette Holm<\/th><td>Aarhus Kommune<\/td>.*?<td>gælder den nuværende version<\/td><td>bekræftet nøgle<\/td>/);
    expect(html).toMatch(/<th scope="row">Bo Lund<\/th><td>Systemhuset A\/S \(ubekræftet nøgle\)<\/td>.*?<td class="unconfirmed">ubekræftet nøgle<\/td>/);
    expect(html).toContain('<li>Systemhuset A/S: godkendt med ubekræftet nøgle (tæller ikke)</li>');

    // Once the vendor's key is confirmed on this device, the same referat exports as approved.
    await confirmKey(db, { fingerprint: await keyFingerprint(vendor.publicKey), ...BO, confirmedBy: 'phone' });
    html = decoder.decode((await exportReferat(db, doc, 'html', 'da')).bytes);
    expect(html).toContain('<dt>Status</dt><dd>Godkendt</dd>');
    expect(html).not.toContain('ubekræftet nøgle');
    const md = decoder.decode((await exportReferat(db, doc, 'markdown', 'en')).bytes);
    expect(md).toContain('- **Status:** Approved');
    expect((await exportReferat(db, doc, 'docx', 'da')).fileName).toBe('Driftsmøde 2026-03-04.docx');
  });
});
