import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, normaliseLinkUrl } from './safeLinkUrl';

describe('link URLs', () => {
  it.each(['https://www.kl.dk/', 'http://intranet.kommune.dk/sag?id=4', 'mailto:borgerservice@kommune.dk', '  https://a.dk  '])('allows %s', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'ftp://host/file',
    '//evil.example/x',
    '/relative',
    '',
    `https://${'a'.repeat(2100)}.dk`,
  ])('refuses %s', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(false);
  });

  it('adds https to a bare host name, and refuses anything else', () => {
    expect(normaliseLinkUrl('kommune.dk/side')).toBe('https://kommune.dk/side');
    expect(normaliseLinkUrl('mailto:a@b.dk')).toBe('mailto:a@b.dk');
    expect(normaliseLinkUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseLinkUrl('just words')).toBeNull();
  });
});
