// A signalling server for one test file: started on 127.0.0.1 before its tests, closed after, keeping every message
// it received so a test can show what the server saw.
import { afterAll, beforeAll } from 'vitest';
import { startSignallingServer } from '../../../server/signallingServer.mjs';

type Server = Awaited<ReturnType<typeof startSignallingServer>>;

export interface SignallingFixture {
  /** The port it listens on (0 until it has started). */
  readonly port: number;
  /** Every message received, across restarts. */
  readonly received: string[];
  /** Stops it (a network drop for the peers); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export function useSignallingServer(): SignallingFixture {
  const received: string[] = [];
  let server: Server | null = null;
  let port = 0;
  const fixture: SignallingFixture = {
    get port() {
      return port;
    },
    received,
    async stop() {
      await server?.close();
      server = null;
    },
    async start() {
      server = await startSignallingServer({ ...(port ? { port } : {}), onMessage: (m: string) => received.push(m) });
      port = server.port;
    },
  };
  beforeAll(() => fixture.start());
  afterAll(() => fixture.stop());
  return fixture;
}
