// Whether dist-bench/ was built after the last change to anything the build reads, so a quick run may reuse it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json'];

/**
 * @param {string} file
 * @returns {number} the newest modification time at or below `file`, 0 when it does not exist
 */
function newest(file) {
  if (!existsSync(file)) return 0;
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(file, { recursive: true })) latest = Math.max(latest, statSync(path.join(file, String(entry))).mtimeMs);
  return latest;
}

/**
 * @param {string} repoRoot
 * @param {string} dist
 * @returns {boolean}
 */
export function buildIsFresh(repoRoot, dist) {
  const built = path.join(dist, 'index.html');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return INPUTS.every((input) => newest(path.join(repoRoot, input)) < builtAt);
}
