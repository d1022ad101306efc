// Web Worker entry: checks one relay update off the main thread (relayUpdateCheck.ts) and posts back its verdict.
import { errorMessage } from '../core/errorMessage';
import type { PeerCheckInput } from './peerMessageCheck';
import { checkRelayUpdate } from './relayUpdateCheck';

self.onmessage = (event: MessageEvent<PeerCheckInput>) => {
  let verdict;
  try {
    verdict = checkRelayUpdate(event.data);
  } catch (e) {
    verdict = { kind: 'unavailable', detail: `the check failed: ${errorMessage(e).slice(0, 200)}` };
  }
  self.postMessage(verdict);
};
