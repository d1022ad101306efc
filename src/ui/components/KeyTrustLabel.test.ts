import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyDirectory, type KnownKey } from '../../core/knownKey';
import { I18nProvider } from '../i18n/I18nContext';
import { loadMessages } from '../i18n/translate';
import { KeyTrustLabel } from './KeyTrustLabel';

const JENS = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';
const OTHER = 'B000 0000 0000 0000 0000 0000 0000 0001';
const jens: KnownKey = {
  fingerprint: JENS,
  name: 'Jens Hansen',
  organisation: 'Holstebro Kommune',
  organisationKind: 'kommune',
  confirmedBy: 'inPerson',
  confirmedAt: '2026-01-01T00:00:00.000Z',
};

// English is its own chunk, fetched before the first paint in the app.
beforeAll(() => loadMessages('en'));

function text(props: { fingerprint: string; name: string; organisation: string }, keys: KnownKey[], lang: 'da' | 'en' = 'da'): string {
  const label = createElement(KeyTrustLabel, { ...props, directory: keyDirectory(keys) });
  const i18n: Parameters<typeof I18nProvider>[0] = { lang, forced: false, setLanguage: () => undefined, children: null };
  const html = renderToStaticMarkup(createElement(I18nProvider, i18n, label));
  return html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");
}

describe('KeyTrustLabel', () => {
  it('shows the confirmed name and organisation, not the claimed ones', () => {
    expect(text({ fingerprint: JENS, name: 'Borgmester', organisation: 'holstebro  kommune' }, [jens])).toBe(
      'Jens Hansen, Holstebro Kommune (bekræftet) angiver sig som Borgmester, holstebro  kommune',
    );
    expect(text({ fingerprint: JENS, name: 'Jens Hansen', organisation: 'Holstebro Kommune' }, [jens])).toBe('Jens Hansen, Holstebro Kommune (bekræftet)');
  });

  it('marks an unknown key unconfirmed and calls out the known key for the same person', () => {
    expect(text({ fingerprint: OTHER, name: 'Jens  hansen', organisation: 'Holstebro Kommune' }, [jens])).toBe(
      'Jens  hansen, Holstebro Kommune (ubekræftet) Du kender en anden nøgle for Jens Hansen, Holstebro Kommune.',
    );
    expect(text({ fingerprint: OTHER, name: 'Ole', organisation: 'Holstebro Kommune' }, [jens], 'en')).toBe('Ole, Holstebro Kommune (unconfirmed)');
  });

  it('shows the fingerprint when no name or organisation is given', () => {
    expect(text({ fingerprint: OTHER, name: '', organisation: '' }, [jens])).toBe(`${OTHER} (ubekræftet)`);
    expect(text({ fingerprint: JENS, name: '', organisation: '' }, [jens])).toBe('Jens Hansen, Holstebro Kommune (bekræftet)');
    expect(text({ fingerprint: OTHER, name: 'Ole', organisation: '' }, [jens])).toBe('Ole (ubekræftet)');
  });

  it('treats a revoked key as unconfirmed, and a revoked key is no reason for a call-out', () => {
    const revoked = { ...jens, revokedAt: '2026-02-01T00:00:00.000Z' };
    expect(text({ fingerprint: JENS, name: 'Jens Hansen', organisation: 'Holstebro Kommune' }, [revoked])).toBe('Jens Hansen, Holstebro Kommune (ubekræftet)');
    expect(text({ fingerprint: OTHER, name: 'Jens Hansen', organisation: 'Holstebro Kommune' }, [revoked])).toBe('Jens Hansen, Holstebro Kommune (ubekræftet)');
  });
});
