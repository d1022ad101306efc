// Web Worker entry: merges a referat's stored entries into one V2 update (mergeLog) off the main thread.
import { errorMessage } from '../core/errorMessage';
import { mergeLog } from './mergeLog';

self.onmessage = (event: MessageEvent<unknown[]>) => {
  try {
    const merged = mergeLog(event.data);
    // The merged update owns its buffer alone: move it instead of copying.
    self.postMessage({ merged }, { transfer: merged.byteOffset === 0 && merged.byteLength === merged.buffer.byteLength ? [merged.buffer as ArrayBuffer] : [] });
  } catch (e) {
    self.postMessage({ error: errorMessage(e) });
  }
};
