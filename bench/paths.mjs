// Where the benchmarks find things: the repository, its bench build, and the shared editing traces.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BENCH_DIST = path.join(REPO_ROOT, 'dist-bench');
export const BENCHMARKS_DOC = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
/** Read in place, never copied into the repository. BENCH_TRACE_DIR points elsewhere (e.g. to try the fallback). */
export const TRACE_DIR = process.env['BENCH_TRACE_DIR'] ?? path.resolve(REPO_ROOT, '..', 'shared', 'data', 'editing-traces');
