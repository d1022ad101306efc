// The state every part of a fuzz run shares: the config, the one random stream, the peers, the log, the counters.
// Every random choice of a run draws from `rng` in a fixed order, so one seed always gives one run.
import type * as Y from 'yjs';
import { newReferatDoc } from '../../../src/core/referatDoc';
import { TEMPLATE_CLIENT_ID } from '../../../src/core/templateUpdate';
import type { FuzzConfig } from './fuzzConfig';
import { fuzzFingerprint } from './fuzzClaims';
import { emptyFuzzStats, type FuzzStats } from './fuzzStats';
import { Peer } from './peer';
import { Prng } from './prng';

export class FuzzWorld {
  readonly config: FuzzConfig;
  readonly rng: Prng;
  /** A separate stream for participant ids, so they are reproducible without shifting the main sequence. */
  readonly idRng: Prng;
  readonly peers: Peer[] = [];
  readonly log: string[] = [];
  readonly referatId: string;
  readonly stats: FuzzStats = emptyFuzzStats();
  /** Problems the network itself noticed (for example a file exchange that never settles). */
  readonly problems: string[] = [];
  /** The random step being run, for the log and for errors reported later. */
  step = 0;
  private lastId = 0;

  constructor(config: FuzzConfig) {
    if (config.peers < 2) throw new RangeError('need at least two peers');
    this.config = config;
    this.rng = new Prng(config.seed);
    this.idRng = this.rng.fork();
    this.referatId = this.idRng.uuid();
    const clientIds = new Set<number>([TEMPLATE_CLIENT_ID]);
    for (let i = 0; i < config.peers; i++) {
      let id = this.rng.uint32();
      while (clientIds.has(id)) id = this.rng.uint32();
      clientIds.add(id);
      const doc = newReferatDoc(this.referatId);
      doc.clientID = id;
      this.peers.push(new Peer(i, doc));
    }
  }

  note(text: string): void {
    this.log.push(`#${this.step} ${text}`);
  }

  /** A new id for a message or a file (one sequence for both, so the log names each once). */
  newId(): number {
    return ++this.lastId;
  }

  peer(i: number): Peer {
    const p = this.peers[i];
    if (!p) throw new RangeError(`no peer ${i}`);
    return p;
  }

  docs(): Y.Doc[] {
    return this.peers.map((p) => p.doc);
  }

  /** Each peer's client id and the fingerprint of the key that claimed it. */
  claimOwners(): Map<number, string> {
    return new Map(this.peers.map((p) => [p.doc.clientID, fuzzFingerprint(p.doc.clientID)]));
  }

  /** Counts a replica left with updates ahead of their dependencies. */
  notePending(p: Peer): void {
    if (p.doc.store.pendingStructs !== null || p.doc.store.pendingDs !== null) this.stats.pendingSeen++;
  }
}
