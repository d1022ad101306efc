// P1's floor: a copy of the bench build with one more precached page, `bench-static.html`, that shows the
// library's "Nyt referat" button as plain HTML with the app's stylesheet and no script. It is added to the
// service worker's precache list, so it is served offline by the very same service worker as the app.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const STATIC_PAGE = 'bench-static.html';

/**
 * @param {string} html the build's index.html
 * @returns {string}
 */
function staticPage(html) {
  const css = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(html)?.[1];
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bibliotek – Referat</title>
    ${css ? `<link rel="stylesheet" href="${css}">` : ''}
  </head>
  <body>
    <div id="root"><main id="main" class="page"><div class="page-head"><h1>Bibliotek</h1>
      <div class="actions"><button type="button" class="primary">Nyt referat</button></div></div></main></div>
  </body>
</html>
`;
}

/**
 * Adds the static page to a copy of the build (never to dist-bench itself) and to its service worker's precache.
 * @param {string} copy a temporary copy of the build
 */
export async function addStaticFloorPage(copy) {
  const html = await readFile(path.join(copy, 'index.html'), 'utf8');
  await writeFile(path.join(copy, STATIC_PAGE), staticPage(html));
  const swFile = path.join(copy, 'sw.js');
  const sw = await readFile(swFile, 'utf8');
  const anchor = 'precacheAndRoute([';
  if (sw.split(anchor).length !== 2) throw new Error('sw.js: precache list not found once; cannot add the floor page');
  await writeFile(swFile, sw.replace(anchor, `${anchor}{url:"${STATIC_PAGE}",revision:"bench"},`));
}
