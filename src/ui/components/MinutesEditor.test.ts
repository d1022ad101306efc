// @vitest-environment jsdom
// A live session arriving while someone types must not rebuild the editor: the text element, its focus and the
// keystrokes that follow stay (a rebuilt editor dropped focus to <body> and lost what was typed next).
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { allowCaretScrolling } from '../../testSupport/jsdomLayout';
import { body, paragraph, peer } from '../../testSupport/yBody';
import { I18nProvider } from '../i18n/I18nContext';
import { MinutesEditor } from './MinutesEditor';

allowCaretScrolling();

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('MinutesEditor', () => {
  it('keeps the same focused editor when the live session starts and ends', async () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Opfølgning fra sidste møde')]);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const i18n: Parameters<typeof I18nProvider>[0] = { lang: 'da', forced: false, setLanguage: () => undefined, children: null };
    const render = (live?: { awareness: Awareness; user: { name: string; color: string } }) =>
      act(async () => {
        root.render(createElement(I18nProvider, i18n, createElement(MinutesEditor, { doc, readOnly: false, ...(live ? { live } : {}) })));
      });

    await render();
    const text = host.querySelector<HTMLElement>('[role="textbox"]');
    expect(text).not.toBeNull();
    text?.focus();
    expect(document.activeElement).toBe(text);

    const awareness = new Awareness(doc);
    await render({ awareness, user: { name: 'Bo Lund', color: '#aa3300' } });
    expect(host.querySelector('[role="textbox"]')).toBe(text);
    expect(document.activeElement).toBe(text);
    expect(awareness.getLocalState()?.user).toEqual({ name: 'Bo Lund', color: '#aa3300' });

    await render();
    expect(host.querySelector('[role="textbox"]')).toBe(text);
    expect(document.activeElement).toBe(text);
    expect(body(doc).toString()).toContain('Opfølgning fra sidste møde');
    act(() => root.unmount());
    host.remove();
  });
});
