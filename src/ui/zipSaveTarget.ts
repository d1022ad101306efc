// Where a streamed ZIP goes in the browser: a file the user picks (File System Access) for large archives when
// the browser has it, else Blob parts folded into one Blob every few MB and downloaded at the end.
import type { ZipSink } from '../export/zipWriter';
import { downloadFile } from './downloadCopy';

export interface ZipSaveTarget {
  sink: ZipSink;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** Above this many referater the browser's save dialog is used where there is one. */
export const LARGE_ARCHIVE = 200;
const FOLD_BYTES = 8 * 1024 * 1024;

interface Writable {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
type SavePicker = (options: { suggestedName: string; types: Array<{ description: string; accept: Record<string, string[]> }> }) => Promise<{ createWritable(): Promise<Writable> }>;

function blobTarget(name: string): ZipSaveTarget {
  let blob = new Blob([]);
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let pending = 0;
  const fold = () => {
    // Folding hands the bytes to the browser's blob store, so the JavaScript heap holds at most FOLD_BYTES.
    blob = new Blob([blob, ...parts], { type: 'application/zip' });
    parts = [];
    pending = 0;
  };
  return {
    sink: {
      write(chunk) {
        parts.push(new Uint8Array(chunk));
        pending += chunk.length;
        if (pending >= FOLD_BYTES) fold();
      },
    },
    finish() {
      fold();
      downloadFile(name, blob, 'application/zip');
      return Promise.resolve();
    },
    abort() {
      parts = [];
      blob = new Blob([]);
      return Promise.resolve();
    },
  };
}

/**
 * Call first in a click handler: the save dialog needs the user's gesture. Null when the user closed the dialog.
 */
export async function openZipSaveTarget(name: string, referater: number): Promise<ZipSaveTarget | null> {
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (referater <= LARGE_ARCHIVE || typeof picker !== 'function') return blobTarget(name);
  let writable: Writable;
  try {
    const handle = await picker.call(window, { suggestedName: name, types: [{ description: 'ZIP', accept: { 'application/zip': ['.zip'] } }] });
    writable = await handle.createWritable();
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    return blobTarget(name);
  }
  return { sink: { write: (chunk) => writable.write(chunk) }, finish: () => writable.close(), abort: () => writable.abort() };
}
