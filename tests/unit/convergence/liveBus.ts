// The unreliable live bus between the fuzz's peers: docSync over a controllable SyncChannel whose messages arrive in
// random order and may be duplicated, dropped (lost or resent later), held or dropped by partitions, or miss a peer
// that is offline; peers go offline, come back and reconnect.
import * as Y from 'yjs';
import { attachDocSync } from '../../../src/sync/docSync';
import type { SyncChannel } from '../../../src/sync/syncChannel';
import type { FuzzWorld } from './fuzzWorld';
import type { Peer } from './peer';

// docSync does not export its frame kinds; an explicit "resend my full state" needs the UPDATE kind.
// (Suggested hook: export an `encodeUpdateMessage(update)` or a `DocSync.resync()` from src/sync/docSync.ts.)
const UPDATE_FRAME = 2;

function updateFrame(update: Uint8Array): Uint8Array {
  const out = new Uint8Array(update.length + 1);
  out[0] = UPDATE_FRAME;
  out.set(update, 1);
  return out;
}

interface Message {
  id: number;
  from: number;
  to: number;
  bytes: Uint8Array;
}

const MAX_DELIVERIES = 200_000;

export class LiveBus {
  private readonly world: FuzzWorld;
  /** Messages in flight; the queue has no order: any message may overtake any other. */
  private queue: Message[] = [];
  /** Dropped messages that will be retransmitted later. */
  private stash: Message[] = [];
  /** Partition group per peer; a live link is up when both ends are in the same group. */
  private group: number[];
  /** While partitioned: drop cross-group messages at once (true) or hold them until the partition heals. */
  private partitionDrops = false;

  constructor(world: FuzzWorld) {
    this.world = world;
    this.group = world.peers.map(() => 0);
  }

  private linkUp(from: number, to: number): boolean {
    return this.group[from] === this.group[to];
  }

  private channelFor(p: Peer): SyncChannel {
    return {
      send: (bytes) => this.send(p.index, bytes),
      subscribe: (receive) => {
        p.receive = receive;
        return () => {
          if (p.receive === receive) p.receive = null;
        };
      },
      close: () => {
        p.receive = null;
      },
    };
  }

  private send(from: number, bytes: Uint8Array): void {
    for (const to of this.world.peers.keys()) {
      if (to === from) continue;
      if (!this.linkUp(from, to) && this.partitionDrops) {
        this.world.peer(to).needsResync = true;
        continue;
      }
      this.queue.push({ id: this.world.newId(), from, to, bytes });
      this.world.stats.messages++;
    }
  }

  partitioned(): boolean {
    return this.group.some((g) => g !== this.group[0]);
  }

  /** A random message whose link is up, or -1. */
  private pickDeliverable(): number {
    if (this.queue.length === 0) return -1;
    if (!this.partitioned()) return this.world.rng.int(this.queue.length);
    const ok: number[] = [];
    this.queue.forEach((m, i) => {
      if (this.linkUp(m.from, m.to)) ok.push(i);
    });
    return ok.length === 0 ? -1 : this.world.rng.pick(ok);
  }

  private removeAt(index: number): void {
    const last = this.queue.pop();
    if (last && index < this.queue.length) this.queue[index] = last;
  }

  private deliverAt(index: number, keepCopy = false): void {
    const m = this.queue[index];
    if (!m) return;
    if (!keepCopy) this.removeAt(index);
    const target = this.world.peer(m.to);
    if (m.to === this.world.config.deafPeer) return;
    if (!target.receive) {
      target.needsResync = true; // it was offline: the message is gone
      return;
    }
    target.receive(m.bytes);
    this.world.stats.deliveries++;
    this.world.notePending(target);
  }

  /** Delivers up to `count` random deliverable messages. */
  deliverSome(count: number): number {
    let n = 0;
    while (n < count) {
      const i = this.pickDeliverable();
      if (i < 0) break;
      this.deliverAt(i);
      n++;
    }
    return n;
  }

  /** Delivers in random order until nothing deliverable is left (including what the deliveries cause). */
  flush(): number {
    let n = 0;
    for (;;) {
      const i = this.pickDeliverable();
      if (i < 0) return n;
      this.deliverAt(i);
      if (++n > MAX_DELIVERIES) throw new Error(`seed ${this.world.config.seed}: delivery does not terminate`);
    }
  }

  duplicateOne(): void {
    const { rng, stats } = this.world;
    if (this.queue.length === 0) return;
    const i = rng.int(this.queue.length);
    const m = this.queue[i] as Message;
    stats.duplicates++;
    if (rng.bool() && this.linkUp(m.from, m.to)) {
      this.world.note(`duplicate-deliver ${m.from}->${m.to} #${m.id}`);
      this.deliverAt(i, true); // delivered now and again later
    } else {
      this.world.note(`duplicate ${m.from}->${m.to} #${m.id}`);
      this.queue.push({ ...m });
    }
  }

  dropOne(): void {
    const { rng, stats } = this.world;
    if (this.queue.length === 0) return;
    const index = rng.int(this.queue.length);
    const m = this.queue[index];
    if (!m) return;
    this.removeAt(index);
    stats.drops++;
    if (rng.bool()) {
      this.world.note(`drop ${m.from}->${m.to} #${m.id}, resent later`);
      this.stash.push(m);
    } else {
      this.world.note(`drop ${m.from}->${m.to} #${m.id}, lost`);
      this.world.peer(m.to).needsResync = true;
    }
  }

  resendStash(): void {
    if (this.stash.length === 0) return;
    this.world.note(`resend ${this.stash.length} dropped messages`);
    this.queue.push(...this.stash);
    this.stash = [];
  }

  /** Everything in flight is lost (everyone went offline for a file exchange). */
  clear(): void {
    this.queue = [];
  }

  goOnline(i: number): void {
    const p = this.world.peer(i);
    if (p.sync) return;
    this.world.note(`p${i} online`);
    const sync = attachDocSync(p.doc, this.channelFor(p));
    sync.onError((e) => p.syncErrors.push(`#${this.world.step} ${e.message}`));
    p.sync = sync;
    p.needsResync = false; // the handshake it just sent repairs what it missed (unless that is lost too)
  }

  goOffline(i: number): void {
    const p = this.world.peer(i);
    if (!p.sync) return;
    this.world.note(`p${i} offline`);
    p.sync.destroy();
    p.sync = null;
    p.receive = null;
  }

  /** Drops the session and attaches docSync again: a fresh state-vector handshake. */
  reconnect(i: number): void {
    this.world.note(`p${i} reconnect`);
    this.world.stats.reconnects++;
    this.goOffline(i);
    this.goOnline(i);
  }

  /** The peer broadcasts its whole state as one update message. */
  resendFullState(i: number): void {
    const p = this.world.peer(i);
    if (!p.online) return;
    this.world.note(`p${i} resends its full state`);
    this.send(i, updateFrame(Y.encodeStateAsUpdate(p.doc)));
  }

  partition(): void {
    const { rng } = this.world;
    const groups = rng.range(2, 3);
    this.group = this.world.peers.map(() => rng.int(groups));
    this.partitionDrops = rng.bool(0.4);
    this.world.stats.partitions++;
    this.world.note(`partition [${this.group.join(',')}] ${this.partitionDrops ? 'dropping' : 'holding'}`);
  }

  heal(): void {
    if (!this.partitioned()) return;
    this.world.note('heal partition');
    this.group = this.group.map(() => 0);
  }

  /** Heals any partition and stops dropping across it: from now on every message can arrive. */
  healForGood(): void {
    this.heal();
    this.partitionDrops = false;
  }
}
