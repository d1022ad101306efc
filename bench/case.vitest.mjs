// The vitest entry: runs the bench cases named in BENCH_CASES (comma-separated), one test each, in this process.
// Each writes { rows, ms } as JSON to BENCH_RESULT_DIR/<id>.json; a failing case leaves no file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { releaseShared } from './browser.mjs';
import { caseById } from './cases/index.mjs';
import { contextFromEnv } from './context.mjs';

// The Chromium and bench build copy the cases shared: closed and removed after the last one.
afterAll(releaseShared);

for (const id of (process.env['BENCH_CASES'] ?? '').split(',').filter(Boolean)) {
  test(`bench ${id}`, async () => {
    const ctx = contextFromEnv(process.env, id);
    const entry = caseById(id);
    process.stderr.write(`\n▶ ${entry.id.toUpperCase()} ${entry.title}\n`);
    const started = performance.now();
    const rows = await (await entry.load()).run(ctx);
    const ms = performance.now() - started;
    // A case always reports something; its figures are never asserted.
    expect(rows.length).toBeGreaterThan(0);
    writeFileSync(path.join(ctx.resultDir, `${id}.json`), JSON.stringify({ rows, ms }, null, 2));
    process.stderr.write(`✓ ${entry.id.toUpperCase()} in ${(ms / 1000).toFixed(1)} s\n`);
  });
}
