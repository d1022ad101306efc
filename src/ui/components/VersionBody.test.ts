// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { ElementDiff, TextRun } from '../../core/versionDiff';
import { I18nProvider } from '../i18n/I18nContext';
import { VersionBody } from './VersionBody';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const author = () => ({ color: '#005a9c', name: 'Mette Holm', organisation: 'Aarhus Kommune', verified: true }) as never;
const who = () => 'Mette Holm, Aarhus Kommune';

/** One paragraph of `n` runs, every other one inserted, like a long history compared with its middle. */
function longParagraph(n: number): ElementDiff {
  const runs: TextRun[] = Array.from({ length: n }, (_, i) => ({ text: `ord${i} `, change: i % 2 ? 'inserted' : 'same', by: i % 2 ? 'k' : null }));
  return { kind: 'element', nodeName: 'paragraph', change: 'same', by: null, attributes: {}, attributeChanges: [], children: [{ kind: 'text', change: 'same', by: null, runs }] };
}

const frame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

describe('VersionBody', () => {
  it('draws a long comparison in growing parts, busy until the whole text is there', async () => {
    const host = document.createElement('div');
    const root = createRoot(host);
    const i18n: Parameters<typeof I18nProvider>[0] = { lang: 'da', forced: false, setLanguage: () => undefined, children: null };
    const body = createElement(VersionBody, { nodes: [longParagraph(1500)], author, who, label: 'Ændringer' });
    await act(async () => {
      root.render(createElement(I18nProvider, i18n, body));
    });
    const article = host.querySelector('article');
    expect(article?.getAttribute('aria-busy')).toBe('true');
    const first = host.querySelectorAll('ins').length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(750);
    for (let i = 0; i < 10 && article?.getAttribute('aria-busy') === 'true'; i++) await frame();
    expect(article?.getAttribute('aria-busy')).toBe('false');
    expect(host.querySelectorAll('ins')).toHaveLength(750);
    expect(article?.textContent).toContain('ord1499');
    expect(host.querySelector('ins')?.getAttribute('title')).toBe('indsat af Mette Holm, Aarhus Kommune');
    act(() => root.unmount());
  }, 30_000);
});
