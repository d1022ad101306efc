import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { encodeReferatFile } from '../core/referatFile';
import { newReferatId } from '../core/referatId';
import { decodeFileInWorker, type FileImportWorker } from './decodeFileInWorker';
import type { FileImportInput } from './fileImportDecode';

/** A stand-in worker: records what it was sent and whether it was terminated; `reply` plays the worker side. */
function fakeWorker(reply: (w: FileImportWorker, message: FileImportInput) => void = () => {}) {
  const sent: FileImportInput[] = [];
  let terminated = 0;
  const worker: FileImportWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message) {
      sent.push(message);
      queueMicrotask(() => reply(worker, message));
    },
    terminate() {
      terminated++;
    },
  };
  return { worker, sent, terminated: () => terminated };
}

const input = { fileBytes: new Uint8Array(100), currentState: null, expectedDocId: null };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('decodeFileInWorker', () => {
  it('refuses an oversize file without starting a worker', async () => {
    const createWorker = vi.fn<() => FileImportWorker>(() => fakeWorker().worker);
    const result = await decodeFileInWorker(input, { maxBytes: 99, createWorker });
    expect(result).toMatchObject({ kind: 'error', code: 'tooLarge' });
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('gives up after the time limit and terminates the worker', async () => {
    const fake = fakeWorker();
    const result = await decodeFileInWorker(input, { timeoutMs: 20, createWorker: () => fake.worker });
    expect(result).toMatchObject({ kind: 'error', code: 'timeout' });
    expect(fake.terminated()).toBe(1);
    expect(fake.sent[0]?.maxBytes).toBe(50 * 1024 * 1024);
  });

  it('reports a failing worker, a worker that sends nonsense, and one that cannot start', async () => {
    const crashing = fakeWorker((w) => w.onerror?.({ message: 'boom' } as ErrorEvent));
    expect(await decodeFileInWorker(input, { createWorker: () => crashing.worker })).toEqual({ kind: 'error', code: 'workerFailed', detail: 'boom' });
    expect(crashing.terminated()).toBe(1);
    const babbling = fakeWorker((w) => w.onmessage?.({ data: 'hello' } as MessageEvent));
    expect(await decodeFileInWorker(input, { createWorker: () => babbling.worker })).toMatchObject({ kind: 'error', code: 'workerFailed' });
    expect(babbling.terminated()).toBe(1);
    const result = await decodeFileInWorker(input, {
      createWorker: () => {
        throw new Error('no workers here');
      },
    });
    expect(result).toEqual({ kind: 'error', code: 'workerFailed', detail: 'no workers here' });
  });

  it('passes the result through and terminates the worker once, ignoring a late timeout', async () => {
    const fake = fakeWorker((w) => w.onmessage?.({ data: { kind: 'error', code: 'empty', detail: 'the file is empty' } } as MessageEvent));
    const result = await decodeFileInWorker(input, { timeoutMs: 30, maxBytes: 1000, createWorker: () => fake.worker });
    expect(result).toEqual({ kind: 'error', code: 'empty', detail: 'the file is empty' });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.terminated()).toBe(1);
    expect(fake.sent[0]?.maxBytes).toBe(1000);
  });

  it('runs the real worker module end to end', async () => {
    const scope: { onmessage: ((e: { data: unknown }) => Promise<void>) | null; postMessage: (m: unknown, o?: unknown) => void } = {
      onmessage: null,
      postMessage: () => {},
    };
    vi.stubGlobal('self', scope);
    await import('./fileImportWorker');
    const fake = fakeWorker((w, message) => {
      scope.postMessage = (m, options) => {
        expect(options).toMatchObject({ transfer: expect.any(Array) });
        w.onmessage?.({ data: structuredClone(m) } as MessageEvent);
      };
      void scope.onmessage?.({ data: structuredClone(message) });
    });

    const signer = await createTestSigner('Ed25519');
    const id = newReferatId();
    const doc = newReferatDoc();
    metaMap(doc).set('id', id);
    metaMap(doc).set('location', 'Rådhuset');
    const fileBytes = await encodeReferatFile({
      docId: id,
      title: 'Driftsmøde',
      sender: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
      signer,
      stateVector: Y.encodeStateVector(doc),
      base: null,
      update: Y.encodeStateAsUpdate(doc),
      now: new Date(),
    });
    const result = await decodeFileInWorker({ fileBytes, currentState: null, expectedDocId: id }, { createWorker: () => fake.worker });
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    const received = newReferatDoc();
    Y.applyUpdate(received, result.newUpdate);
    expect(metaMap(received).get('location')).toBe('Rådhuset');
    expect(fake.terminated()).toBe(1);
  });
});
