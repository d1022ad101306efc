// The trust state of a referat on this device: which approvals hold, for which organisation, and what is missing.
import type { Approval } from './approvals';
import type { KnownKey } from './knownKey';
import type { ReferatStatus } from './meta';

/** Per required organisation, what this device can say about its approval. */
export type OrganisationApprovalState = 'approved' | 'unconfirmedKey' | 'earlierVersion' | 'missing';

/** One approval entry as checked on this device. */
export interface CheckedApproval extends Approval {
  /** 1: signs the content hash and state vector; 2: also the referat id, the participant id and a Yjs snapshot. */
  entryVersion: 1 | 2;
  /** The signature verifies, and (version 2) it was made for this referat. */
  valid: boolean;
  /** Valid and of the current content, not superseded by a later "Genåbn". */
  current: boolean;
  /** The directory's entry for the key, when confirmed (or this device's own key); null for an unconfirmed key. */
  confirmedAs: KnownKey | null;
  /** Version 2: the participant entry the signer approved as; null for version 1. */
  participantId: string | null;
  /** Base64 Yjs snapshot (version 2) of what was approved, or null. */
  snapshot: string | null;
}

/** An entry someone removed from `approvals` or `participants`; kept in the history (gc off), so it is shown. */
export interface RemovedEntry {
  kind: 'approval' | 'participant';
  /** The signer's or participant's name and organisation as the entry said. */
  name: string;
  organisation: string;
  /** The key fingerprint the document's authorship records name for the removal, or null when unrecorded. */
  removedBy: string | null;
}

export interface OrganisationStatus {
  organisation: string;
  state: OrganisationApprovalState;
}

export interface TrustState {
  status: ReferatStatus;
  /** Every organisation that must approve (docs/TRUST.md), each with what this device can say. */
  organisations: OrganisationStatus[];
  /** Every listed approval entry, oldest first, valid or not. */
  approvals: CheckedApproval[];
  removed: RemovedEntry[];
  /** Approved and not reopened: editing needs "Genåbn referatet". */
  locked: boolean;
  currentHash: string;
}
