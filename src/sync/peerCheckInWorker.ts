// Runs the live gate's check of one large peer message in a Web Worker with a time limit (sync/README.md).
import type { PeerCheckInput, PeerCheckVerdict, PeerMessageCheck } from './peerMessageCheck';
import { errorMessage } from '../core/errorMessage';

/** The part of `Worker` used here, so tests can pass a fake. */
export interface PeerCheckWorker {
  onmessage: ((event: MessageEvent) => unknown) | null;
  onerror: ((event: ErrorEvent) => unknown) | null;
  onmessageerror: ((event: MessageEvent) => unknown) | null;
  postMessage(message: PeerCheckInput, transfer: Transferable[]): void;
  terminate(): void;
}

function startWorker(): PeerCheckWorker {
  return new Worker(new URL('./peerCheckWorker.ts', import.meta.url), { type: 'module' });
}

function isVerdict(value: unknown): value is PeerCheckVerdict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; refusal?: { code?: unknown } };
  if (v.kind === 'refused') return typeof v.refusal?.code === 'string';
  return v.kind === 'pass' || v.kind === 'unavailable';
}

/**
 * A PeerMessageCheck in a fresh worker, terminated when it answers or at the time limit; never rejects. A worker
 * that cannot start or fails answers `unavailable` (the gate then checks on the main thread, as without workers).
 */
export function peerCheckInWorker(createWorker: () => PeerCheckWorker = startWorker): PeerMessageCheck {
  return (input, timeoutMs) =>
    new Promise((resolve) => {
      let worker: PeerCheckWorker;
      try {
        worker = createWorker();
      } catch (e) {
        resolve({ kind: 'unavailable', detail: errorMessage(e) });
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (verdict: PeerCheckVerdict) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        worker.onmessageerror = null;
        worker.terminate();
        resolve(verdict);
      };
      worker.onmessage = (event) => finish(isVerdict(event.data) ? event.data : { kind: 'unavailable', detail: 'the worker sent something that is not a verdict' });
      worker.onerror = (event) => finish({ kind: 'unavailable', detail: event.message || 'the worker failed' });
      worker.onmessageerror = () => finish({ kind: 'unavailable', detail: 'the worker’s verdict could not be received' });
      timer = setTimeout(() => finish({ kind: 'timeout', detail: `checking the message took longer than ${timeoutMs} ms` }), timeoutMs);
      try {
        // The state was encoded for this check alone, so its buffer moves to the worker; the message is copied.
        worker.postMessage(input, [input.state.buffer as ArrayBuffer]);
      } catch (e) {
        finish({ kind: 'unavailable', detail: errorMessage(e) });
      }
    });
}
