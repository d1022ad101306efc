// Whether a key's approval holds for the referat as it is now (valid, and not superseded by a reopening).
import type { CheckedApproval } from './trustState';

export function hasCurrentApproval(approvals: readonly CheckedApproval[], fingerprint: string | null): boolean {
  return fingerprint !== null && approvals.some((a) => a.fingerprint === fingerprint && a.current);
}
