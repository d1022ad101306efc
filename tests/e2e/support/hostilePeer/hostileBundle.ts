// Builds the hostile peer page (hostilePage.ts) with Vite at test time into a temp folder and serves it from a static
// server of its own on 127.0.0.1 (a local, secure origin: Chromium's local-network checks and y-webrtc's WebCrypto
// key derivation need one; a page fulfilled from memory counts as public and may not reach the signalling server).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startStaticServer } from '../../../../server/staticServer.mjs';
import { makeTempDir, removeTempDir } from '../harness';

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: fileURLToPath(new URL('./hostilePage.ts', import.meta.url)), formats: ['es'], fileName: 'hostile' },
    },
  });
  for (const o of Array.isArray(out) ? out : [out]) {
    if (!('output' in o)) continue;
    const entry = o.output.find((c) => c.type === 'chunk' && c.isEntry);
    if (entry?.type === 'chunk') return entry.code;
  }
  throw new Error('the hostile page did not build');
}

/** Serves the hostile page; its URL is `url` (it may connect to `signallingUrl`). */
export async function startHostileServer(signallingUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const dir = await makeTempDir('referat-hostile-');
  await writeFile(path.join(dir, 'hostile.js'), await bundle());
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>hostile</title><script type="module" src="/hostile.js"></script>');
  const server = await startStaticServer({ root: dir, connectSources: [signallingUrl] });
  return {
    url: `http://127.0.0.1:${server.port}/index.html`,
    async close() {
      await server.close();
      await removeTempDir(dir);
    },
  };
}
