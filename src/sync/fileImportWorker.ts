// Web Worker entry: decodes one `.referat` file off the main thread and posts back a FileImportResult.
import { fileImportDecode, type FileImportInput, type FileImportResult } from './fileImportDecode';

function transferables(result: FileImportResult): ArrayBuffer[] {
  if (result.kind !== 'ok') return [];
  const u = result.newUpdate;
  // Transfer only a buffer the update owns alone; otherwise the structured clone copies it.
  const owns = u.buffer instanceof ArrayBuffer && u.byteOffset === 0 && u.byteLength === u.buffer.byteLength;
  return owns ? [u.buffer as ArrayBuffer] : [];
}

self.onmessage = async (event: MessageEvent<FileImportInput>) => {
  const result = await fileImportDecode(event.data);
  self.postMessage(result, { transfer: transferables(result) });
};
