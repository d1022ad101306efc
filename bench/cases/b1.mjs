// B1: JavaScript a first visit loads before the library shows (dist-bench/index.html's entry script and
// modulepreloads, gzip -9), against the same libraries bundled bare by Vite.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withBareBundle } from '../bareBundle.mjs';
import { firstLoadFiles, gzipSize, total } from '../firstLoad.mjs';
import { fmtBytes } from '../format.mjs';
import { makeRow, single } from '../rows.mjs';

const TARGET = 1.2;
/** Strings only Tiptap / ProseMirror code contains. */
const EDITOR_MARKERS = ['ProseMirror', 'tiptap'];

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const app = firstLoadFiles(ctx.dist);
  const appJs = total(app, 'js');
  const appCss = total(app, 'css');
  const hasEditor = (/** @type {string} */ file) => {
    const text = readFileSync(path.join(ctx.dist, file), 'utf8');
    return EDITOR_MARKERS.some((m) => text.includes(m));
  };
  const editorInFirstLoad = app.filter((f) => f.kind === 'js' && hasEditor(f.file)).map((f) => f.file);
  const assets = readdirSync(path.join(ctx.dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const editorChunks = assets.filter(hasEditor);
  let allJs = 0;
  for (const f of assets) allJs += gzipSize(readFileSync(path.join(ctx.dist, f)));
  ctx.log(`first load: ${app.map((f) => `${f.file} ${fmtBytes(f.gzip)}`).join(', ')}`);

  const started = performance.now();
  const floor = await withBareBundle((dist) => total(firstLoadFiles(dist), 'js'));
  ctx.log(`bare bundle built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${fmtBytes(floor.gzip)} gz (${fmtBytes(floor.raw)} raw)`);

  const first = makeRow({
    id: 'B1',
    label: `first-load JS, gzip -9 (${app.filter((f) => f.kind === 'js').length} files)`,
    unit: 'bytes',
    app: single(appJs.gzip),
    floor: single(floor.gzip),
    floorLabel: 'React root + Tiptap StarterKit/Collaboration editor + yjs + y-indexeddb + dexie + workbox-window, bundled bare',
    rounds: '1 (deterministic)',
    target: `ratio ≤ ${TARGET}×; editor not in first load`,
    met: null,
    note: '',
  });
  first.met = first.ratioP50 !== null && first.ratioP50 <= TARGET && editorInFirstLoad.length === 0;
  first.note =
    (editorInFirstLoad.length === 0
      ? `editor outside first load: yes (Tiptap/ProseMirror only in ${editorChunks.join(', ') || 'no chunk'})`
      : `editor outside first load: NO (in ${editorInFirstLoad.join(', ')})`) +
    `; raw ${fmtBytes(appJs.raw)}; CSS ${fmtBytes(appCss.gzip)} gz; the floor holds the editor the app loads later`;
  const all = makeRow({
    id: 'B1',
    label: `all JS the service worker precaches (${assets.length} files)`,
    unit: 'bytes',
    app: single(allJs),
    floor: single(floor.gzip),
    floorLabel: 'the same bare bundle',
    rounds: '1 (deterministic)',
    target: 'context, no target',
    met: null,
    note: 'the whole app incl. lazy chunks (editor, live sync with y-webrtc, file import worker) against the bare libraries without y-webrtc',
  });
  return [first, all];
}
