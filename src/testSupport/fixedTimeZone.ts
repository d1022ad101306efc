// For unit tests of local time: runs the tests of the enclosing describe in one time zone (Node re-reads TZ when set).
import { afterAll, beforeAll } from 'vitest';

/** Node's environment; typed here because the app's TypeScript project has no Node types. */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

export function useTimeZone(zone: string): void {
  const saved = env.TZ;
  beforeAll(() => {
    env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete env.TZ;
    else env.TZ = saved;
  });
}
