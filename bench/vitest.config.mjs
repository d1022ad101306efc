// Runs one bench case (bench/case.vitest.mjs) under vitest, which compiles the app's TypeScript on import.
// Not part of the test command: only bench/run.mjs uses this config, one vitest process per case.
import { defineConfig } from 'vitest/config';
import { REPO_ROOT } from './paths.mjs';

export default defineConfig({
  root: REPO_ROOT,
  test: {
    include: ['bench/case.vitest.mjs'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // gc() between rounds, and room for the 200-page document of M1.
    execArgv: ['--expose-gc', '--max-old-space-size=8192'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    // Progress lines go straight to the terminal.
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
