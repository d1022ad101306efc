// Copy files between the fuzz's peers: full copies and diffs against a possibly stale state vector, which may be
// lost or arrive twice, applied in random order and sometimes again later, each through the app's file gate.
import * as Y from 'yjs';
import { fileGateProblem } from './fuzzClaims';
import type { FuzzWorld } from './fuzzWorld';
import type { CopyFile } from './peer';
import { mergeSV, svOf } from './stateVectorMap';

const MAX_FILE_ROUNDS = 6;

export class FileExchange {
  private readonly world: FuzzWorld;

  constructor(world: FuzzWorld) {
    this.world = world;
  }

  /** `reliable`: the file surely arrives (once); otherwise it may be lost or arrive twice. */
  exportFile(from: number, to: number, kind: 'full' | 'diff' | 'exact', reliable = false): void {
    const sender = this.world.peer(from);
    const receiver = this.world.peer(to);
    const known = sender.knownSV.get(to) ?? new Map<number, number>();
    // 'exact' is a diff against the receiver's real state vector, as after a handshake (used when healing).
    const base = kind === 'full' ? undefined : kind === 'exact' ? Y.encodeStateVector(receiver.doc) : Y.encodeStateVector(known);
    const update = base === undefined ? Y.encodeStateAsUpdate(sender.doc) : Y.encodeStateAsUpdate(sender.doc, base);
    const senderSV = svOf(sender.doc);
    // Optimistic: the sender assumes the receiver will apply the file, so its next diff builds on this one.
    sender.knownSV.set(to, mergeSV(known, senderSV));
    const file: CopyFile = { id: this.world.newId(), from, to, kind: kind === 'full' ? 'full' : 'diff', update, senderSV };
    const fate = reliable ? 'arrive' : this.world.rng.pick(['arrive', 'arrive', 'arrive', 'arrive', 'twice', 'lost']);
    this.world.note(`file #${file.id} ${kind} p${from}->p${to} (${update.length} B) ${fate}`);
    this.world.stats.files++;
    if (fate === 'lost') return;
    receiver.inbox.push(file);
    if (fate === 'twice') receiver.inbox.push(file);
  }

  /** Applies some (or all) files in the peer's inbox in random order; some stay behind to be applied again. */
  importFiles(i: number, all = false): void {
    const { rng } = this.world;
    const p = this.world.peer(i);
    if (p.inbox.length === 0 || i === this.world.config.deafPeer) return;
    const files = rng.shuffle(p.inbox);
    const count = all ? files.length : rng.range(1, files.length);
    const applied = files.slice(0, count);
    const rest = files.slice(count);
    if (!all) for (const f of applied) if (rng.bool(0.15)) rest.push(f); // applied now, again later
    p.inbox = rest;
    this.world.note(`p${i} imports files ${applied.map((f) => `#${f.id}`).join(' ')}`);
    const owners = this.world.claimOwners();
    for (const f of applied) {
      // The app's authorship and divergence checks must pass every honest file.
      const refused = fileGateProblem(p.doc, f.update, owners);
      if (refused !== null) p.syncErrors.push(`#${this.world.step} file #${f.id} refused: ${refused}`);
      Y.applyUpdate(p.doc, f.update, 'file');
      this.world.stats.fileImports++;
      this.world.notePending(p);
      p.knownSV.set(f.from, mergeSV(p.knownSV.get(f.from) ?? new Map<number, number>(), f.senderSV));
    }
  }

  /**
   * Rounds of "everyone sends a copy file to everyone, then everyone applies what it got", until applying files
   * causes no local change. One round is not always enough: applying a remote update can make Yjs write a local
   * change (it deletes formatting markers it finds redundant, in a transaction of its own), which the others
   * only learn from a later file.
   */
  exchangeUntilSettled(): void {
    const { rng, peers } = this.world;
    const changedLocally = new Set<number>();
    const listeners = peers.map((p) => {
      const listener = (_update: Uint8Array, origin: unknown) => {
        if (origin !== 'file') changedLocally.add(p.index);
      };
      p.doc.on('update', listener);
      return listener;
    });
    try {
      let senders = peers.map((p) => p.index);
      for (let round = 1; senders.length > 0; round++) {
        if (round > MAX_FILE_ROUNDS) {
          this.world.problems.push(`file exchange still causes local changes after ${MAX_FILE_ROUNDS} rounds`);
          return;
        }
        this.world.note(`file round ${round}: senders ${senders.map((i) => `p${i}`).join(' ')}`);
        this.world.stats.fileRounds = Math.max(this.world.stats.fileRounds, round);
        for (const from of senders) {
          for (const to of peers) {
            if (from !== to.index) this.exportFile(from, to.index, rng.bool(0.4) ? 'full' : 'exact', true);
          }
        }
        changedLocally.clear();
        for (const p of rng.shuffle(peers)) this.importFiles(p.index, true);
        senders = [...changedLocally].toSorted((a, b) => a - b);
      }
    } finally {
      peers.forEach((p, i) => p.doc.off('update', listeners[i] as (u: Uint8Array, o: unknown) => void));
    }
  }
}
