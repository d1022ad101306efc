// The one rule for paths inside a ZIP, written or read: relative, forward slashes, no `..`, no drive letters.
export class ZipPathError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`unsafe path in ZIP: ${JSON.stringify(path.slice(0, 120))} (${reason})`);
    this.name = 'ZipPathError';
  }
}

const MAX_PATH = 400;

/** Why `path` may not be extracted, or null when it is a safe relative path (a folder entry may end with `/`). */
export function zipPathProblem(path: string): string | null {
  if (path === '') return 'empty';
  if (path.length > MAX_PATH) return 'too long';
  if (path.includes('\\')) return 'backslash';
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control character';
  if (path.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(path)) return 'drive letter';
  const segments = (path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  for (const s of segments) {
    if (s === '') return 'empty segment';
    if (s === '.' || s === '..') return 'dot segment';
    if (s.includes(':')) return 'colon';
  }
  return null;
}

/** Returns `path` unchanged, or throws ZipPathError. */
export function checkZipPath(path: string): string {
  const problem = zipPathProblem(path);
  if (problem) throw new ZipPathError(path, problem);
  return path;
}
