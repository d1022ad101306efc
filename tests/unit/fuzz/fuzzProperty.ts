// Runs a fast-check property with the run budget from the environment, and fails with a replayable message.
import { relative } from 'node:path';
import * as fc from 'fast-check';
import { expect } from 'vitest';

/** Runs of a cheap property in `npm test`; FUZZ_RUNS replaces it, and every property scales in proportion. */
export const BASE_RUNS = 100;

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** FUZZ_RUNS ÷ BASE_RUNS: 1 in `npm test`, 200 in `npm run soak`. */
export function fuzzScale(): number {
  const runs = envInteger('FUZZ_RUNS');
  if (runs === undefined) return 1;
  if (runs < 1) throw new Error(`FUZZ_RUNS must be at least 1, got ${runs}`);
  return runs / BASE_RUNS;
}

/** The runs of a property whose `npm test` budget is `defaultRuns`, scaled by FUZZ_RUNS (at least one). */
export function fuzzRuns(defaultRuns: number): number {
  return Math.max(1, Math.round(defaultRuns * fuzzScale()));
}

/** A vitest timeout for a property that takes up to `defaultMs` in `npm test`, scaled like its runs. */
export function fuzzTimeout(defaultMs: number): number {
  return Math.round(defaultMs * Math.max(1, fuzzScale()));
}

/** FC_SEED and FC_PATH replay one failure exactly (the path is the shrunk counterexample). */
function replayParameters(): Pick<fc.Parameters<unknown>, 'seed' | 'path' | 'endOnFailure'> {
  const seed = envInteger('FC_SEED');
  const path = process.env.FC_PATH?.trim() || undefined;
  if (path !== undefined && seed === undefined) throw new Error('FC_PATH needs the FC_SEED it was found with');
  return seed === undefined ? {} : { seed, ...(path ? { path, endOnFailure: true } : {}) };
}

/** The command that replays a failure: the seed, the shrunk path, and this test file. */
export function replayCommand(seed: number, path: string | undefined): string {
  const testPath = expect.getState().testPath;
  const file = testPath ? relative(process.cwd(), testPath) : 'tests/unit/fuzz';
  const name = expect.getState().currentTestName;
  const only = name ? ` -t ${JSON.stringify(name.split(' > ').at(-1))}` : '';
  return `FC_SEED=${seed}${path ? ` FC_PATH=${path}` : ''} npx vitest run --project unit ${file}${only}`;
}

/**
 * Checks `property` for fuzzRuns(defaultRuns) runs; on failure throws an error that starts with the command
 * replaying the shrunk counterexample, followed by fast-check's report (seed, path, counterexample, error).
 */
export async function checkProperty<T>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, defaultRuns: number): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, { numRuns: fuzzRuns(defaultRuns), ...replayParameters() });
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details) ?? 'the property failed';
  throw new Error(`Replay: ${replayCommand(details.seed, details.counterexamplePath ?? undefined)}\n${report}`, {
    cause: details.errorInstance,
  });
}
