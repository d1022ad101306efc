// Runs the check of a relay update (relayUpdateCheck.ts) in a Web Worker with a time limit, on the runner the live
// gate uses; where no worker can run, on this thread, as the live gate does.
import { MAX_ENTRY_BYTES } from '../core/relayEntryLayout';
import { peerCheckInWorker, type PeerCheckWorker } from './peerCheckInWorker';
import type { PeerCheckInput } from './peerMessageCheck';
import { checkRelayUpdate, type RelayCheckVerdict } from './relayUpdateCheck';

/** A worker check that has not answered by then refuses the entry (`timeout`), as for files. */
export const RELAY_CHECK_TIMEOUT_MS = 10_000;

function startWorker(): PeerCheckWorker {
  return new Worker(new URL('./relayCheckWorker.ts', import.meta.url), { type: 'module' });
}

export type RelayUpdateChecker = (input: Omit<PeerCheckInput, 'maxMessageBytes'>) => Promise<RelayCheckVerdict>;

/** A checker that starts a fresh worker per update and terminates it when it answers or at the time limit. */
export function relayCheckInWorker(createWorker: () => PeerCheckWorker = startWorker, timeoutMs = RELAY_CHECK_TIMEOUT_MS): RelayUpdateChecker {
  const run = peerCheckInWorker(createWorker);
  return async (partial) => {
    const input: PeerCheckInput = { ...partial, maxMessageBytes: MAX_ENTRY_BYTES.snapshot };
    // The state's buffer moves to the worker: keep a copy for a check on this thread.
    const state = input.state.slice();
    const verdict = (await run(input, timeoutMs)) as RelayCheckVerdict | { kind: 'timeout'; detail: string } | { kind: 'unavailable'; detail: string };
    if (verdict.kind === 'timeout') return { kind: 'refused', refusal: { code: 'timeout', clientId: null, detail: verdict.detail } };
    if (verdict.kind === 'unavailable') return checkRelayUpdate({ ...input, state });
    return verdict;
  };
}
