// Adds a forced `?lang=` to an in-app path, before any #fragment and after any query it already has.
export function withLang(path: string, lang: string | null): string {
  if (!lang) return path;
  const hashAt = path.indexOf('#');
  const before = hashAt === -1 ? path : path.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : path.slice(hashAt);
  return `${before}${before.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}${hash}`;
}
