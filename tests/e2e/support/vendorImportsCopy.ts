// Two profiles, one referat: the municipality (Mette Holm, Aarhus Kommune) writes and saves a copy, the vendor
// (Bo Lund, Systemhuset A/S) imports it and opens it. `write` runs on the municipality's side before the copy is made.
import { expect } from 'vitest';
import { ReferatApp } from '../pages/ReferatApp';
import type { BrowserFixture } from './browserFixture';

export interface TwoParties {
  kommune: ReferatApp;
  vendor: ReferatApp;
}

/** The vendor has the municipality's referat `title` open, once `waitFor` (a text in the copy) is on screen. */
export async function vendorImportsCopy(fx: BrowserFixture, title: string, waitFor: string, write: (kommune: ReferatApp) => Promise<void>): Promise<TwoParties> {
  const kommune = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
  await kommune.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
  await kommune.createReferat();
  await kommune.titleField.fill(title);
  await write(kommune);
  await kommune.waitUntilSaved();
  const copy = await kommune.copies.download();

  const vendor = await ReferatApp.open(await fx.newContext(), fx.server.url);
  await vendor.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
  expect(await vendor.copies.import('Importér referat', copy)).toContain('er føjet til biblioteket');
  await vendor.page.getByRole('link', { name: title }).click();
  await vendor.editor.getByText(waitFor).waitFor();
  return { kommune, vendor };
}
