// axe-core finds no WCAG 2.0/2.1 A or AA violation on any page of the app, in Danish and in English, on a
// 1366×768 laptop and a 390×844 phone (with the navigation's menu opened on the phone, so its links are checked too).
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { buildEveryPage, type AppPageVisit } from './support/everyPage';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is, for WCAG 2.0 and 2.1 at levels A and AA. */
async function axeRun(page: Page): Promise<{ passed: number; violations: Violation[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Rule = { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ passes: Rule[]; violations: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) })),
    };
  });
}

describe('axe', () => {
  const fx = useBrowserFixture();
  let context: BrowserContext | undefined;
  let app: ReferatApp;
  let visits: AppPageVisit[] = [];

  beforeAll(async () => {
    // The app's CSP refuses injected scripts; axe is the only one, so the context lets it in.
    context = await fx.browser.newContext({ viewport: SIZES[0], bypassCSP: true });
    app = await ReferatApp.open(context, fx.server.url);
    visits = await buildEveryPage(app);
  }, 120_000);
  afterAll(async () => {
    await context?.close();
  });

  for (const lang of ['da', 'en'] as const) {
    for (const size of SIZES) {
      it(`finds no violation on any page in ${lang === 'da' ? 'Danish' : 'English'} at ${size.width}×${size.height}`, { timeout: 180_000 }, async () => {
        const { page } = app;
        await page.setViewportSize(size);
        // The language is chosen in settings, as a user would; it is saved and applies to every page.
        await app.goto('/settings');
        await page.locator('select').filter({ has: page.locator('option[value="en"]') }).first().selectOption(lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        const found: string[] = [];
        for (const visit of visits) {
          await app.goto(visit.path);
          await visit.ready(page);
          if (visit.name === 'library') await app.shell.openMenu();
          const { passed, violations } = await axeRun(page);
          // axe did look: the rules that passed (landmarks, names, contrast …) are counted too.
          if (passed < 10) found.push(`${visit.name}: axe passed only ${passed} rules; did it run on the page?`);
          for (const v of violations) {
            found.push(`${visit.name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.targets.join('\n    ')}`);
          }
        }
        expect(found, `axe violations (${lang}, ${size.width}×${size.height}):\n${found.join('\n')}`).toEqual([]);
      });
    }
  }
});
