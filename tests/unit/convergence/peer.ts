// One replica in the fuzz network: its doc, its live session, its inbox of copy files, and what it believes the others have.
import type * as Y from 'yjs';
import type { DocSync } from '../../../src/sync/docSync';
import type { StateVector } from './stateVectorMap';

/** A `.referat` copy file on its way from one peer to another. */
export interface CopyFile {
  id: number;
  from: number;
  to: number;
  kind: 'full' | 'diff';
  update: Uint8Array;
  /** The sender's state vector at export, carried as the file's header. */
  senderSV: StateVector;
}

export class Peer {
  readonly index: number;
  readonly doc: Y.Doc;
  sync: DocSync | null = null;
  /** The receiver docSync registered on this peer's endpoint, when online. */
  receive: ((message: Uint8Array) => void) | null = null;
  inbox: CopyFile[] = [];
  /** What this peer believes each other peer has (for diff files); optimistic, so it may be ahead or stale. */
  knownSV = new Map<number, StateVector>();
  /** Set when a live message to this peer was lost, so a handshake is needed to repair. */
  needsResync = false;
  readonly syncErrors: string[] = [];

  constructor(index: number, doc: Y.Doc) {
    this.index = index;
    this.doc = doc;
  }

  get online(): boolean {
    return this.sync !== null;
  }
}
