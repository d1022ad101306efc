// The floor of B1: the libraries the app is built on, used bare by a tiny generated entry (React root, a Tiptap
// StarterKit + Collaboration editor on a Y.Doc persisted with y-indexeddb, a Dexie database, workbox-window),
// built with Vite in a temporary folder that is removed afterwards.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './paths.mjs';

const ENTRY = `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorContent, useEditor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { Collaboration } from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import Dexie from 'dexie';
import { Workbox } from 'workbox-window';

const doc = new Y.Doc({ gc: false });
new IndexeddbPersistence('floor-doc', doc);
const db = new Dexie('floor-library');
db.version(1).stores({ items: 'id' });
void db.open();
if ('serviceWorker' in navigator) void new Workbox('/sw.js').register();

function Page() {
  const editor = useEditor({ extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ document: doc })] });
  return createElement('main', null, createElement('button', { type: 'button' }, 'Nyt referat'), createElement(EditorContent, { editor }));
}
createRoot(document.getElementById('root')).render(createElement(Page));
`;

const HTML = `<!doctype html>
<html lang="da"><head><meta charset="UTF-8" /><title>floor</title><script type="module" src="/main.js"></script></head>
<body><div id="root"></div></body></html>
`;

/**
 * Builds the bare bundle and passes its output folder to `use` before the temporary folder is removed.
 * @template T
 * @param {(dist: string) => T | Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withBareBundle(use) {
  const dir = await mkdtemp(path.join(tmpdir(), 'referat-bench-floor-'));
  try {
    await writeFile(path.join(dir, 'main.js'), ENTRY);
    await writeFile(path.join(dir, 'index.html'), HTML);
    // Bare imports resolve through the repository's node_modules, exactly the versions the app uses.
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const outDir = path.join(dir, 'dist');
    await build({
      root: dir,
      configFile: false,
      logLevel: 'error',
      build: { outDir, target: 'es2022', sourcemap: false, emptyOutDir: true },
    });
    return await use(outDir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
