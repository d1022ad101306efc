// Which link targets a referat may hold: http, https and mailto only, nothing that can run script.
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedLinkUrl(raw: string): boolean {
  const value = raw.trim();
  if (value === '' || value.length > 2048) return false;
  // Control characters and whitespace inside a scheme are classic filter bypasses ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return ALLOWED.has(url.protocol);
}

/** Adds https:// to a bare host like "kommune.dk"; returns null when the result is still not allowed. */
export function normaliseLinkUrl(raw: string): string | null {
  const value = raw.trim();
  if (isAllowedLinkUrl(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  const guess = `https://${value}`;
  return isAllowedLinkUrl(guess) && /^[^\s/]+\.[^\s/]+/.test(value) ? guess : null;
}
