import { describe, expect, it } from 'vitest';
import { UnsavedKeptError } from '../storage/unsavedKeptError';
import { importFailure } from './importFailure';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('import failures', () => {
  it('tells a full disk and kept changes apart from a file that cannot be read', () => {
    expect(importFailure(new UnsavedKeptError('device', quota())).code).toBe('keptOnDevice');
    expect(importFailure(new UnsavedKeptError('memory', quota())).code).toBe('keptInMemory');
    expect(importFailure(quota()).code).toBe('storageFull');
    expect(importFailure(new DOMException('closing', 'InvalidStateError')).code).toBe('storageFailed');
    expect(importFailure(new Error('worker crashed')).code).toBe('workerFailed');
    expect(importFailure('odd').code).toBe('workerFailed');
    expect(importFailure(quota()).detail).toBe('QuotaExceededError: The quota has been exceeded.');
  });
});
