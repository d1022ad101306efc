// Web Worker entry: checks one large live peer message off the main thread and posts back a PeerCheckVerdict.
import { checkPeerMessage, type PeerCheckInput, type PeerCheckVerdict } from './peerMessageCheck';
import { errorMessage } from '../core/errorMessage';

self.onmessage = (event: MessageEvent<PeerCheckInput>) => {
  let verdict: PeerCheckVerdict;
  try {
    verdict = checkPeerMessage(event.data);
  } catch (e) {
    verdict = { kind: 'unavailable', detail: `the check failed: ${errorMessage(e).slice(0, 200)}` };
  }
  self.postMessage(verdict);
};
