// Looks at the trust pages as a clerk would, on a laptop (1366×768) and a phone (360 px): the status badge beside the
// title, the approvals per organisation, the lock, and Settings → Kendte nøgler. Screenshots go to
// $REFERAT_SCREENSHOTS (default: the system temp folder), to be looked at; the assertions check what they show.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { SettingsKeys } from './pages/SettingsKeys';
import { useBrowserFixture } from './support/browserFixture';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 360, height: 780 },
] as const;

describe('trust screens', () => {
  const fx = useBrowserFixture();

  it('shows the status beside the title, the approval per organisation, the lock, and the known keys', async () => {
    await mkdir(OUT, { recursive: true });
    const app = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.titleField.fill('Driftsmøde med Systemhuset');
    await app.typeAfter('Beslutninger', ': budgettet godkendes');
    await app.waitUntilSaved();
    await app.approve();
    await expect.poll(() => app.approvalStatus()).toContain('Status: Godkendt.');
    for (const size of SIZES) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await app.goto(`/r/${id}`);
      await app.editor.waitFor();
      await expect.poll(() => app.page.getByTestId('approval-organisation').allInnerTexts()).toEqual(['Aarhus Kommune: godkendt']);
      expect(await app.editor.getAttribute('contenteditable')).toBe('false');
      await app.page.screenshot({ path: path.join(OUT, `referat-approved-${size.name}.png`) });
      await app.page.getByTestId('approval-status').scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: path.join(OUT, `referat-approvals-${size.name}.png`) });
      const keys = await SettingsKeys.open(app);
      await keys.panel.scrollIntoViewIfNeeded();
      expect(await keys.ownFingerprint()).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
      await app.page.screenshot({ path: path.join(OUT, `settings-keys-${size.name}.png`), fullPage: size.name === 'phone' });
    }
  });
});
