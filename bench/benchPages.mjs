// Bench-only pages served beside the app, same origin (so they share its IndexedDB) and precached by the same
// service worker: `bench/tools.html` loads the app's own storage, core and editor modules from src/ and exposes
// them as `window.benchTools`, so the browser cases fill the app's databases through the app's code, and hold
// their floors (plain Tiptap without Collaboration, Y.applyUpdate, Y.encodeStateAsUpdate) in the same browser.
// Built with Vite in a temp folder into a temp copy of the build; dist-bench/ itself is never changed.
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './paths.mjs';

export const TOOLS_PAGE = 'bench/tools.html';

const src = (/** @type {string} */ file) => JSON.stringify(path.join(REPO_ROOT, file));

/** The page's module: everything a browser case calls, on window.benchTools. Plain JS; bench/ is not type-checked against src/. */
const ENTRY = `import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import { UndoRedo } from '@tiptap/extensions';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { referatExtensions } from ${src('src/editor/referatExtensions.ts')};
import { DocStore } from ${src('src/storage/docStore.ts')};
import { docDatabaseName } from ${src('src/storage/docDatabaseName.ts')};
import { createLibraryDatabase, INDEX_VERSION } from ${src('src/storage/libraryDatabase.ts')};
import { putIndexRows } from ${src('src/storage/indexRows.ts')};
import { saveIndexVersion, saveProfile } from ${src('src/storage/settingsStore.ts')};
import { libraryEntry } from ${src('src/core/libraryEntry.ts')};
import { migrateDoc } from ${src('src/core/migrateDoc.ts')};
import { bodyFragment, newReferatDoc } from ${src('src/core/referatDoc.ts')};
import { generateLibrary } from ${src('src/testSupport/generateLibrary.ts')};

const fromBase64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** The profile and the index version, as the app stores them (so it neither asks for a profile nor rebuilds). */
async function setUp(profile) {
  const db = createLibraryDatabase();
  try {
    await db.open();
    await saveProfile(db, profile);
    await saveIndexVersion(db, INDEX_VERSION);
  } finally {
    db.close();
  }
}

/**
 * count generated index rows written with the app's putIndexRows (rows and their Opfølgning slices), and for
 * each an (empty) document database opened and closed with the app's DocStore, so the app's start-up index
 * repair (syncIndex) finds a document for every row and leaves the rows alone.
 */
async function fillLibrary(count, seed) {
  const t0 = performance.now();
  const rows = generateLibrary(count, seed);
  const t1 = performance.now();
  const db = createLibraryDatabase();
  try {
    await db.open();
    for (let i = 0; i < rows.length; i += 500) await putIndexRows(db, rows.slice(i, i + 500));
  } finally {
    db.close();
  }
  const t2 = performance.now();
  for (let i = 0; i < rows.length; i += 200) {
    await Promise.all(rows.slice(i, i + 200).map(async (r) => {
      const store = await DocStore.open(docDatabaseName(r.id), newReferatDoc());
      await store.close();
    }));
  }
  const t3 = performance.now();
  return { generateMs: t1 - t0, rowsMs: t2 - t1, docsMs: t3 - t2, rows: rows.length, actionItems: rows.reduce((n, r) => n + r.actionItems.length, 0), open: rows.reduce((n, r) => n + r.actionItems.filter((a) => !a.done).length, 0) };
}

/**
 * Stores a referat given as one update, as the app would have stored it (DocStore: the state as one update),
 * then extraEdits more single-character edits, each its own stored update, and writes its index row.
 */
async function storeReferat(id, b64, extraEdits = 0, fresh = false) {
  if (fresh) await DocStore.delete(docDatabaseName(id));
  const doc = newReferatDoc();
  Y.applyUpdate(doc, fromBase64(b64));
  migrateDoc(doc);
  const store = await DocStore.open(docDatabaseName(id), doc);
  await store.flush();
  const texts = [];
  for (const node of bodyFragment(doc).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText) texts.push(node.get(0));
  }
  for (let i = 0; i < extraEdits; i++) {
    const t = texts[i % texts.length];
    doc.transact(() => t.insert(t.length, '.'));
    await store.flush();
  }
  const stored = store.storedUpdates;
  await store.close();
  const db = createLibraryDatabase();
  try {
    await db.open();
    await putIndexRows(db, [{ ...libraryEntry(doc, id), indexedAt: Date.now() }]);
  } finally {
    db.close();
  }
  return { stored };
}

/**
 * The floor editor: Tiptap with the referat's extensions but no Collaboration, on the same content, in a fresh element
 * inside the same wrappers as the app's editor.
 * It keeps Tiptap's own undo history (StarterKit's default), which the app leaves out only because Collaboration
 * brings its own undo: an editor without undo is not what anyone would ship.
 * With the yjs option, each change also goes into a Y.XmlText of the same document as one raw Yjs transaction, inside the
 * editor's dispatch (the least a binding could do: no diff, no listeners); its time per change is kept in
 * window.__floorYjsMs.
 */
function floorEditor(b64, { yjs = false } = {}) {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, fromBase64(b64));
  const fragment = bodyFragment(doc);
  const extensions = [...referatExtensions(fragment).filter((e) => e.name !== 'collaboration'), UndoRedo];
  for (const old of document.querySelectorAll('.editor, .bench-floor')) old.remove();
  // The app's wrappers around its editor (main.page.referat > section.minutes > div.editor > div), so the same CSS
  // gives the same box, line breaks and layout work.
  const main = document.createElement('main');
  main.className = 'page referat bench-floor';
  const section = document.createElement('section');
  section.className = 'minutes';
  const wrapper = document.createElement('div');
  wrapper.className = 'editor';
  const host = document.createElement('div');
  wrapper.append(host);
  section.append(wrapper);
  main.append(section);
  document.body.append(main);
  const raw = yjs ? rawTyping(b64) : null;
  window.__floorYjsMs = [];
  const editor = new Editor({
    element: host,
    extensions,
    content: yXmlFragmentToProsemirrorJSON(fragment),
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'bench floor', class: 'minutes-text' } },
    onTransaction: ({ transaction }) => {
      if (!raw || !transaction.docChanged) return;
      const t = performance.now();
      for (const step of transaction.steps) {
        const json = step.toJSON();
        const inserted = step.slice ? step.slice.content.textBetween(0, step.slice.content.size, '\\n') : '';
        raw.edit(inserted, typeof json.to === 'number' && typeof json.from === 'number' ? json.to - json.from : 0);
      }
      window.__floorYjsMs.push(performance.now() - t);
    },
  });
  return editor;
}

/**
 * Raw Y.XmlText typing, the floor under both editors: the same document, a paragraph appended to the body, and
 * each key one transaction inserting one character at its end.
 */
function rawTyping(b64) {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, fromBase64(b64));
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  doc.transact(() => {
    bodyFragment(doc).push([paragraph]);
    paragraph.insert(0, [text]);
  });
  return {
    type(chars) {
      for (const ch of chars) doc.transact(() => text.insert(text.length, ch));
    },
    /** One transaction: the deleted count of characters off the end, then the inserted text appended. */
    edit(inserted, deleted) {
      doc.transact(() => {
        const n = Math.min(deleted, text.length);
        if (n > 0) text.delete(text.length - n, n);
        if (inserted) text.insert(text.length, inserted);
      });
    },
    text: () => text.toString(),
  };
}

/** Milliseconds of fn(), run once. */
function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// Returns nothing: a page.evaluate that returned the editor would serialise all of it (seconds on 200 pages).
window.__floorEditorFor = (b64, options) => {
  window.__floorEditor?.destroy();
  window.__floorEditor = floorEditor(b64, options);
};
window.benchTools = { rawTyping, Y, setUp, fillLibrary, storeReferat, floorEditor, fromBase64, time, newReferatDoc, bodyFragment };
`;

const HTML = `<!doctype html>
<html lang="da"><head><meta charset="UTF-8" /><title>bench tools</title>__CSS__<script type="module" src="./tools.js"></script></head>
<body><div id="root"></div></body></html>
`;

/**
 * @param {string} dir
 * @returns {Promise<string[]>} every file below dir, relative to it, with forward slashes
 */
async function filesBelow(dir) {
  /** @type {string[]} */
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return out;
}

/**
 * Builds the bench pages into `copy/bench/` (a temp copy of the build) and adds them to its service worker's
 * precache list, so the same service worker serves them, offline too. The tools page links the app's stylesheet.
 * @param {string} copy
 */
export async function addBenchPages(copy) {
  const dir = await mkdtemp(path.join(tmpdir(), 'referat-bench-pages-'));
  try {
    const indexHtml = await readFile(path.join(copy, 'index.html'), 'utf8');
    const css = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(indexHtml)?.[1];
    await writeFile(path.join(dir, 'tools.js'), ENTRY);
    await writeFile(path.join(dir, 'tools.html'), HTML.replace('__CSS__', css ? `<link rel="stylesheet" href="${css}">` : ''));
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const outDir = path.join(dir, 'dist');
    await build({
      root: dir,
      base: '/bench/',
      configFile: false,
      logLevel: 'error',
      build: { outDir, target: 'es2022', sourcemap: false, emptyOutDir: true, rollupOptions: { input: path.join(dir, 'tools.html') } },
    });
    await cp(outDir, path.join(copy, 'bench'), { recursive: true });
    const files = (await filesBelow(outDir)).map((f) => `bench/${f}`);
    const swFile = path.join(copy, 'sw.js');
    const sw = await readFile(swFile, 'utf8');
    const anchor = 'precacheAndRoute([';
    if (sw.split(anchor).length !== 2) throw new Error('sw.js: precache list not found once; cannot add the bench pages');
    await writeFile(swFile, sw.replace(anchor, `${anchor}${files.map((f) => `{url:${JSON.stringify(f)},revision:"bench"},`).join('')}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
