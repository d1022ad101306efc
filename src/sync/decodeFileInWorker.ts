// Decodes a received `.referat` file in a Web Worker with a time limit, so a hostile file cannot freeze the app.
import { DEFAULT_MAX_REFERAT_FILE_BYTES } from '../core/referatFile';
import type { FileImportInput, FileImportResult } from './fileImportDecode';
import { errorMessage } from '../core/errorMessage';

/** The part of `Worker` used here, so tests can pass a fake. */
export interface FileImportWorker {
  onmessage: ((event: MessageEvent) => unknown) | null;
  onerror: ((event: ErrorEvent) => unknown) | null;
  onmessageerror: ((event: MessageEvent) => unknown) | null;
  postMessage(message: FileImportInput): void;
  terminate(): void;
}

export interface DecodeFileOptions {
  timeoutMs?: number;
  maxBytes?: number;
  createWorker?: () => FileImportWorker;
}

function startWorker(): FileImportWorker {
  return new Worker(new URL('./fileImportWorker.ts', import.meta.url), { type: 'module' });
}

function looksLikeResult(value: unknown): value is FileImportResult {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'ok' || kind === 'alreadyIncluded' || kind === 'incomplete' || kind === 'error';
}

/** Resolves with the worker's result, or an error result; never rejects. The worker is always terminated. */
export function decodeFileInWorker(
  input: Omit<FileImportInput, 'maxBytes'>,
  options: DecodeFileOptions = {},
): Promise<FileImportResult> {
  const { timeoutMs = 10_000, maxBytes = DEFAULT_MAX_REFERAT_FILE_BYTES, createWorker = startWorker } = options;
  if (input.fileBytes.byteLength > maxBytes) {
    return Promise.resolve({ kind: 'error', code: 'tooLarge', detail: `the file is larger than ${maxBytes} bytes` });
  }
  return new Promise((resolve) => {
    let worker: FileImportWorker | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: FileImportResult) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (worker !== null) {
        worker.onmessage = null;
        worker.onerror = null;
        worker.onmessageerror = null;
        worker.terminate();
        worker = null;
        resolve(result);
      }
    };
    const failed = (detail: string) => finish({ kind: 'error', code: 'workerFailed', detail });
    try {
      worker = createWorker();
    } catch (e) {
      resolve({ kind: 'error', code: 'workerFailed', detail: errorMessage(e) });
      return;
    }
    worker.onmessage = (event) => {
      if (looksLikeResult(event.data)) finish(event.data);
      else failed('the worker sent something that is not a result');
    };
    worker.onerror = (event) => failed(event.message || 'the worker failed');
    worker.onmessageerror = () => failed('the worker result could not be received');
    timer = setTimeout(
      () => finish({ kind: 'error', code: 'timeout', detail: `decoding took longer than ${timeoutMs} ms` }),
      timeoutMs,
    );
    try {
      worker.postMessage({ ...input, maxBytes });
    } catch (e) {
      failed(errorMessage(e));
    }
  });
}
