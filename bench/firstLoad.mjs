// What a browser loads before anything runs: the entry script, its modulepreload links and stylesheets named in
// a built index.html, each gzipped (zlib level 9) as a server would send it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {object} LoadedFile
 * @property {string} file path relative to the build folder
 * @property {'js' | 'css'} kind
 * @property {number} raw bytes on disk
 * @property {number} gzip bytes after gzip -9
 */

/**
 * @param {Uint8Array} bytes
 * @returns {number}
 */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * The first-load set named by index.html: `<script type="module" src>`, `<link rel="modulepreload" href>` and
 * `<link rel="stylesheet" href>` with local URLs.
 * @param {string} html
 * @returns {Array<{ url: string, kind: 'js' | 'css' }>}
 */
export function firstLoadUrls(html) {
  /** @type {Array<{ url: string, kind: 'js' | 'css' }>} */
  const out = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (/** @type {string} */ name) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((v) => v !== undefined);
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src && attr('type') === 'module') out.push({ url: src, kind: 'js' });
    } else {
      const rel = (attr('rel') ?? '').toLowerCase();
      const href = attr('href');
      if (href && rel === 'modulepreload') out.push({ url: href, kind: 'js' });
      if (href && rel === 'stylesheet') out.push({ url: href, kind: 'css' });
    }
  }
  return out.filter((u) => !/^[a-z]+:/i.test(u.url));
}

/**
 * @param {string} dist a built folder with index.html
 * @returns {LoadedFile[]}
 */
export function firstLoadFiles(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  return firstLoadUrls(html).map(({ url, kind }) => {
    const file = url.replace(/^\//, '').split(/[?#]/)[0] ?? '';
    const bytes = readFileSync(path.join(dist, file));
    return { file, kind, raw: bytes.length, gzip: gzipSize(bytes) };
  });
}

/**
 * @param {readonly LoadedFile[]} files
 * @param {'js' | 'css'} kind
 * @returns {{ raw: number, gzip: number }}
 */
export function total(files, kind) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    if (f.kind !== kind) continue;
    raw += f.raw;
    gzip += f.gzip;
  }
  return { raw, gzip };
}
