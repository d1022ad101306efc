// Escapes text for HTML and XML (text and quoted attributes), dropping characters XML 1.0 does not allow.
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text without the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates). */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL, '');
}

export function escapeMarkup(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>"']/g, (c) => SPECIAL[c] ?? c);
}
