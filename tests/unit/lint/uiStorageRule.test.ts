// The layer rule that keeps the UI off storage (.oxlintrc.json, override for src/ui/**): oxlint with the project's
// own config reports a value import of storage from the UI, static or lazy, and lets type imports and session through.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const OXLINT = join(ROOT, 'node_modules/.bin/oxlint');
const RULE = 'eslint(no-restricted-imports)';

interface Diagnostic {
  code: string;
  help?: string;
  filename: string;
  labels: Array<{ span: { line: number } }>;
}

/** Runs oxlint as `npm run lint` does, in `cwd` with the config there, and returns this rule's reports. */
function restrictedImports(cwd: string, paths: string[]): Diagnostic[] {
  const run = spawnSync(OXLINT, ['-c', '.oxlintrc.json', '--import-plugin', '--react-plugin', '--jsx-a11y-plugin', '--vitest-plugin', '-f', 'json', ...paths], {
    cwd,
    encoding: 'utf8',
  });
  const out = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  return out.diagnostics.filter((d) => d.code === RULE);
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A scratch tree holding the project's lint config and `files`, so nothing is written into the repository. */
function scratchTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'referat-lint-'));
  dirs.push(dir);
  copyFileSync(join(ROOT, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the UI reaches storage only through the session layer', () => {
  it('reports a value import of storage from the UI, static or lazy, citing the architecture', () => {
    const dir = scratchTree({
      'src/ui/pages/ReadsStorage.tsx': [
        "import type { LibraryDatabase } from '../../storage/libraryDatabase';",
        "import { saveProfile } from '../../storage/settingsStore';",
        'export const save = (db: LibraryDatabase) => saveProfile(db, { name: "", organisation: "", organisationKind: "andet" });',
        '',
      ].join('\n'),
      'src/ui/components/LazyStorage.ts': "export const load = () => import('../../storage/knownKeys');\n",
      'src/ui/App.tsx': "export { isLanguage } from './../storage/settingsStore';\n",
    });
    const found = restrictedImports(dir, ['src']);
    const where = found.map((d) => `${d.filename.replaceAll('\\', '/')}:${d.labels[0]?.span.line}`).toSorted();
    expect(where).toEqual(['src/ui/App.tsx:1', 'src/ui/components/LazyStorage.ts:1', 'src/ui/pages/ReadsStorage.tsx:2']);
    for (const d of found) expect(d.help).toContain('docs/ARCHITECTURE.md');
  });

  it('lets the UI import types from storage and anything from session, and session import storage', () => {
    const dir = scratchTree({
      'src/ui/hooks/useTypesOnly.ts': [
        "import type { LibraryDatabase } from '../../storage/libraryDatabase';",
        "import { type Language } from '../../storage/settingsStore';",
        "import { saveProfile } from '../../session/settings';",
        'export const keep = (db: LibraryDatabase, l: Language) => [db, l, saveProfile];',
        '',
      ].join('\n'),
      'src/session/settings.ts': "export { saveProfile } from '../storage/settingsStore';\n",
    });
    expect(restrictedImports(dir, ['src'])).toEqual([]);
  });

  it('holds for the UI as it is', () => {
    expect(restrictedImports(ROOT, ['src/ui']).map((d) => d.filename)).toEqual([]);
  });
});
