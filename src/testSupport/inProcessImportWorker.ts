// For unit tests: the `.referat` import worker run in this thread (the same decoder, without the time limit).
import type { FileImportWorker } from '../sync/decodeFileInWorker';
import { fileImportDecode } from '../sync/fileImportDecode';

export const inProcessImportWorker = {
  createWorker(): FileImportWorker {
    const w: FileImportWorker = {
      onmessage: null, onerror: null, onmessageerror: null,
      postMessage(message) { void fileImportDecode(message).then((data) => w.onmessage?.({ data } as MessageEvent)); },
      terminate() {},
    };
    return w;
  },
};
