// A seeded test network for convergence fuzzing, in the style of yjs' tests/testHelper.js: N replicas of one
// referat edit at random while their updates travel by an unreliable live bus (docSync over a controllable
// SyncChannel: random order, duplicates, drops, resends, reconnects, partitions) and by copy files (full copies and
// diffs against a possibly stale state vector, applied in random order, with duplicates and stale files). After
// the random phase everything is healed and delivered, and the replicas must be identical.
import * as Y from 'yjs';
import { initReferat } from '../../../src/core/initReferat';
import { libraryEntry, type LibraryEntry } from '../../../src/core/libraryEntry';
import { readMeta, setMetaField, setTitle, type EditableMetaField, type ReferatMeta } from '../../../src/core/meta';
import {
  addParticipant,
  readParticipants,
  removeParticipant,
  updateParticipant,
  type Participant,
  type ParticipantPatch,
} from '../../../src/core/participants';
import { ORGANISATION_KINDS } from '../../../src/core/profile';
import { approvalsArray, bodyFragment, newReferatDoc } from '../../../src/core/referatDoc';
import { actionItemElement } from '../../../src/core/actionItemElement';
import { ACTION_ITEM, AGENDA_ITEM, AGENDA_TITLE, DECISION, PARAGRAPH } from '../../../src/core/bodyNodes';
import { readStructure, setActionItemDone, type ReferatStructure } from '../../../src/core/structure';
import { agendaItemElement, seedTemplate, TEMPLATE_CLIENT_ID, templateUpdate } from '../../../src/core/templateUpdate';
import { TEMPLATES, type Template } from '../../../src/core/templates';
import { attachDocSync, type DocSync } from '../../../src/sync/docSync';
import type { SyncChannel } from '../../../src/sync/syncChannel';
import { writeClaim } from '../../../src/core/clientClaims';
import { fileGateProblem, fuzzApprove, fuzzClaim, fuzzFingerprint } from './fuzzClaims';
import { Prng } from './prng';

// ---------------------------------------------------------------------------------------------------------------
// Configuration

/** How the peers start: all from the creator's copy, or some peers seed the template on their own first. */
export type SetupMode = 'shared' | 'dualSeed';
/** Which transports the random phase uses. */
export type Profile = 'live' | 'files' | 'mixed';
/** How everything is brought together at the end. */
export type FinalHeal = 'live' | 'files' | 'filesThenLive';

export interface FuzzConfig {
  seed: number;
  peers: number;
  /** Random steps (operations and deliveries) before the final heal. */
  steps: number;
  setup: SetupMode;
  profile: Profile;
  finalHeal: FinalHeal;
  /** In a live final heal: reconnect every peer, or only those known to have lost messages. */
  reconnectAll: boolean;
  /** A peer that never receives anything (live or file): only for testing that the checks can fail. */
  deafPeer: number | null;
  /** Title typing includes emoji (surrogate pairs), as real titles do. */
  emoji: boolean;
  /** The template the referat is created from (and that dual seeders seed on their own). */
  template: Template;
}

export function configForSeed(seed: number, overrides: Partial<FuzzConfig> = {}): FuzzConfig {
  const rng = new Prng(seed ^ 0x5a5a5a5a);
  return {
    seed,
    peers: rng.pick([5, 5, 6, 6, 7]),
    steps: rng.range(45, 85),
    setup: rng.bool(0.3) ? 'dualSeed' : 'shared',
    profile: rng.pick<Profile>(['live', 'live', 'files', 'mixed', 'mixed']),
    finalHeal: rng.pick<FinalHeal>(['live', 'live', 'files', 'filesThenLive']),
    reconnectAll: rng.bool(0.3),
    deafPeer: null,
    emoji: true,
    template: rng.pick(TEMPLATES),
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Wire format. docSync does not export its frame kinds; an explicit "resend my full state" needs the UPDATE kind.
// (Suggested hook: export an `encodeUpdateMessage(update)` or a `DocSync.resync()` from src/sync/docSync.ts.)
const UPDATE_FRAME = 2;

function updateFrame(update: Uint8Array): Uint8Array {
  const out = new Uint8Array(update.length + 1);
  out[0] = UPDATE_FRAME;
  out.set(update, 1);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// State vectors as maps (so "what I think you have" can be merged)

type StateVector = Map<number, number>;

function mergeSV(a: StateVector, b: StateVector): StateVector {
  const out = new Map(a);
  for (const [client, clock] of b) if ((out.get(client) ?? 0) < clock) out.set(client, clock);
  return out;
}

function svOf(doc: Y.Doc): StateVector {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

// ---------------------------------------------------------------------------------------------------------------
// Peers and the network

interface Message {
  id: number;
  from: number;
  to: number;
  bytes: Uint8Array;
}

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

const MAX_DELIVERIES = 200_000;
const MAX_FILE_ROUNDS = 6;

/** What a run actually exercised, so the tests can check the fuzz reaches the interesting cases. */
export interface FuzzStats {
  ops: number;
  messages: number;
  deliveries: number;
  duplicates: number;
  drops: number;
  reconnects: number;
  partitions: number;
  files: number;
  fileImports: number;
  /** Times a delivery or file left a replica with pending structs or deletes (updates ahead of their deps). */
  pendingSeen: number;
  /** Rounds the final file exchange needed before applying files changed nothing more (0: no file heal). */
  fileRounds: number;
}

export class FuzzNetwork {
  readonly config: FuzzConfig;
  readonly rng: Prng;
  /** A separate stream for participant ids, so they are reproducible without shifting the main sequence. */
  readonly idRng: Prng;
  readonly peers: Peer[] = [];
  readonly log: string[] = [];
  readonly referatId: string;
  queue: Message[] = [];
  /** Dropped messages that will be retransmitted later. */
  stash: Message[] = [];
  /** Partition group per peer; a live link is up when both ends are in the same group. */
  group: number[];
  /** While partitioned: drop cross-group messages at once (true) or hold them until the partition heals. */
  partitionDrops = false;
  readonly stats: FuzzStats = {
    ops: 0,
    messages: 0,
    deliveries: 0,
    duplicates: 0,
    drops: 0,
    reconnects: 0,
    partitions: 0,
    files: 0,
    fileImports: 0,
    pendingSeen: 0,
    fileRounds: 0,
  };
  /** Problems the network itself noticed (for example a file exchange that never settles). */
  readonly problems: string[] = [];
  private nextId = 1;
  private step = 0;

  constructor(config: FuzzConfig) {
    if (config.peers < 2) throw new RangeError('need at least two peers');
    this.config = config;
    this.rng = new Prng(config.seed);
    this.idRng = this.rng.fork();
    this.group = Array.from({ length: config.peers }, () => 0);
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

  peer(i: number): Peer {
    const p = this.peers[i];
    if (!p) throw new RangeError(`no peer ${i}`);
    return p;
  }

  docs(): Y.Doc[] {
    return this.peers.map((p) => p.doc);
  }

  // ----- live bus ------------------------------------------------------------------------------------------------

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
    for (const to of this.peers.keys()) {
      if (to === from) continue;
      if (!this.linkUp(from, to) && this.partitionDrops) {
        this.peer(to).needsResync = true;
        continue;
      }
      this.queue.push({ id: this.nextId++, from, to, bytes });
      this.stats.messages++;
    }
  }

  private partitioned(): boolean {
    return this.group.some((g) => g !== this.group[0]);
  }

  /** A random message whose link is up, or -1. The queue has no order: any message may overtake any other. */
  private pickDeliverable(): number {
    if (this.queue.length === 0) return -1;
    if (!this.partitioned()) return this.rng.int(this.queue.length);
    const ok: number[] = [];
    this.queue.forEach((m, i) => {
      if (this.linkUp(m.from, m.to)) ok.push(i);
    });
    return ok.length === 0 ? -1 : this.rng.pick(ok);
  }

  private removeAt(index: number): void {
    const last = this.queue.pop();
    if (last && index < this.queue.length) this.queue[index] = last;
  }

  private deliverAt(index: number, keepCopy = false): void {
    const m = this.queue[index];
    if (!m) return;
    if (!keepCopy) this.removeAt(index);
    const target = this.peer(m.to);
    if (m.to === this.config.deafPeer) return;
    if (!target.receive) {
      target.needsResync = true; // it was offline: the message is gone
      return;
    }
    target.receive(m.bytes);
    this.stats.deliveries++;
    this.notePending(target);
  }

  private notePending(p: Peer): void {
    if (p.doc.store.pendingStructs !== null || p.doc.store.pendingDs !== null) this.stats.pendingSeen++;
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
      if (++n > MAX_DELIVERIES) throw new Error(`seed ${this.config.seed}: delivery does not terminate`);
    }
  }

  duplicateOne(): void {
    if (this.queue.length === 0) return;
    const i = this.rng.int(this.queue.length);
    const m = this.queue[i] as Message;
    this.stats.duplicates++;
    if (this.rng.bool() && this.linkUp(m.from, m.to)) {
      this.note(`duplicate-deliver ${m.from}->${m.to} #${m.id}`);
      this.deliverAt(i, true); // delivered now and again later
    } else {
      this.note(`duplicate ${m.from}->${m.to} #${m.id}`);
      this.queue.push({ ...m });
    }
  }

  dropOne(): void {
    if (this.queue.length === 0) return;
    const index = this.rng.int(this.queue.length);
    const m = this.queue[index];
    if (!m) return;
    this.removeAt(index);
    this.stats.drops++;
    if (this.rng.bool()) {
      this.note(`drop ${m.from}->${m.to} #${m.id}, resent later`);
      this.stash.push(m);
    } else {
      this.note(`drop ${m.from}->${m.to} #${m.id}, lost`);
      this.peer(m.to).needsResync = true;
    }
  }

  resendStash(): void {
    if (this.stash.length === 0) return;
    this.note(`resend ${this.stash.length} dropped messages`);
    this.queue.push(...this.stash);
    this.stash = [];
  }

  goOnline(i: number): void {
    const p = this.peer(i);
    if (p.sync) return;
    this.note(`p${i} online`);
    const sync = attachDocSync(p.doc, this.channelFor(p));
    sync.onError((e) => p.syncErrors.push(`#${this.step} ${e.message}`));
    p.sync = sync;
    p.needsResync = false; // the handshake it just sent repairs what it missed (unless that is lost too)
  }

  goOffline(i: number): void {
    const p = this.peer(i);
    if (!p.sync) return;
    this.note(`p${i} offline`);
    p.sync.destroy();
    p.sync = null;
    p.receive = null;
  }

  /** Drops the session and attaches docSync again: a fresh state-vector handshake. */
  reconnect(i: number): void {
    this.note(`p${i} reconnect`);
    this.stats.reconnects++;
    this.goOffline(i);
    this.goOnline(i);
  }

  /** The peer broadcasts its whole state as one update message. */
  resendFullState(i: number): void {
    const p = this.peer(i);
    if (!p.online) return;
    this.note(`p${i} resends its full state`);
    this.send(i, updateFrame(Y.encodeStateAsUpdate(p.doc)));
  }

  partition(): void {
    const groups = this.rng.range(2, 3);
    this.group = this.peers.map(() => this.rng.int(groups));
    this.partitionDrops = this.rng.bool(0.4);
    this.stats.partitions++;
    this.note(`partition [${this.group.join(',')}] ${this.partitionDrops ? 'dropping' : 'holding'}`);
  }

  heal(): void {
    if (!this.partitioned()) return;
    this.note('heal partition');
    this.group = this.group.map(() => 0);
  }

  // ----- file exchange -------------------------------------------------------------------------------------------

  /** `reliable`: the file surely arrives (once); otherwise it may be lost or arrive twice. */
  exportFile(from: number, to: number, kind: 'full' | 'diff' | 'exact', reliable = false): void {
    const sender = this.peer(from);
    const receiver = this.peer(to);
    const known = sender.knownSV.get(to) ?? new Map<number, number>();
    // 'exact' is a diff against the receiver's real state vector, as after a handshake (used when healing).
    const base = kind === 'full' ? undefined : kind === 'exact' ? Y.encodeStateVector(receiver.doc) : Y.encodeStateVector(known);
    const update = base === undefined ? Y.encodeStateAsUpdate(sender.doc) : Y.encodeStateAsUpdate(sender.doc, base);
    const senderSV = svOf(sender.doc);
    // Optimistic: the sender assumes the receiver will apply the file, so its next diff builds on this one.
    sender.knownSV.set(to, mergeSV(known, senderSV));
    const file: CopyFile = { id: this.nextId++, from, to, kind: kind === 'full' ? 'full' : 'diff', update, senderSV };
    const fate = reliable ? 'arrive' : this.rng.pick(['arrive', 'arrive', 'arrive', 'arrive', 'twice', 'lost']);
    this.note(`file #${file.id} ${kind} p${from}->p${to} (${update.length} B) ${fate}`);
    this.stats.files++;
    if (fate === 'lost') return;
    receiver.inbox.push(file);
    if (fate === 'twice') receiver.inbox.push(file);
  }

  /** Applies some (or all) files in the peer's inbox in random order; some stay behind to be applied again. */
  importFiles(i: number, all = false): void {
    const p = this.peer(i);
    if (p.inbox.length === 0 || i === this.config.deafPeer) return;
    const files = this.rng.shuffle(p.inbox);
    const count = all ? files.length : this.rng.range(1, files.length);
    const applied = files.slice(0, count);
    const rest = files.slice(count);
    if (!all) for (const f of applied) if (this.rng.bool(0.15)) rest.push(f); // applied now, again later
    p.inbox = rest;
    this.note(`p${i} imports files ${applied.map((f) => `#${f.id}`).join(' ')}`);
    const owners = this.claimOwners();
    for (const f of applied) {
      // The app's authorship and divergence checks must pass every honest file.
      const refused = fileGateProblem(p.doc, f.update, owners);
      if (refused !== null) p.syncErrors.push(`#${this.step} file #${f.id} refused: ${refused}`);
      Y.applyUpdate(p.doc, f.update, 'file');
      this.stats.fileImports++;
      this.notePending(p);
      p.knownSV.set(f.from, mergeSV(p.knownSV.get(f.from) ?? new Map<number, number>(), f.senderSV));
    }
  }

  // ----- setup, the random phase, the final heal -----------------------------------------------------------------

  setup(): void {
    const { rng } = this;
    const creator = rng.int(this.peers.length);
    const creatorDoc = this.peer(creator).doc;
    initReferat(creatorDoc, {
      id: this.referatId,
      title: rng.pick(['Driftsmøde', 'Styregruppemøde', 'Opstartsmøde', '']),
      date: randomDate(rng),
      createdAt: new Date(Date.UTC(2026, 0, 1) + rng.int(365 * 86_400_000)).toISOString(),
      template: this.config.template,
      creator: { name: randomName(rng), organisation: rng.pick(ORGS), organisationKind: rng.pick(ORGANISATION_KINDS) },
    });
    const creatorState = Y.encodeStateAsUpdate(creatorDoc);
    const others = this.peers.filter((p) => p.index !== creator);
    const seeders =
      this.config.setup === 'dualSeed' ? rng.shuffle(others).slice(0, rng.range(1, 2)).map((p) => p.index) : [];
    this.note(`setup ${this.config.setup}: creator p${creator}${seeders.length ? `, seeders ${seeders.map((s) => `p${s}`).join(' ')}` : ''}`);
    for (const p of others) {
      if (seeders.includes(p.index)) {
        // Seeds the template on its own before it has heard of the creator's copy, and may start typing in it.
        seedTemplate(p.doc, this.config.template);
        for (let k = rng.int(3); k > 0; k--) this.note(`p${p.index} ${randomBodyOp(p.doc, rng)}`);
      } else {
        Y.applyUpdate(p.doc, creatorState, 'setup');
        p.knownSV.set(creator, svOf(creatorDoc));
      }
    }
    // Everyone that started from the creator's copy knows the others did too.
    const creatorSV = svOf(creatorDoc);
    for (const p of this.peers) {
      for (const q of this.peers) {
        if (p !== q && !seeders.includes(q.index) && !seeders.includes(p.index)) p.knownSV.set(q.index, creatorSV);
      }
    }
    // Every peer claims its client id (docs/FORMAT.md, `claims`), as the app's session does at its first change.
    for (const p of this.peers) writeClaim(p.doc, fuzzClaim(p.doc.clientID, this.referatId));
    if (this.config.profile !== 'files') {
      for (const p of this.peers) if (this.config.profile === 'live' || rng.bool(0.7)) this.goOnline(p.index);
    }
  }

  /** Each peer's client id and the fingerprint of the key that claimed it. */
  claimOwners(): Map<number, string> {
    return new Map(this.peers.map((p) => [p.doc.clientID, fuzzFingerprint(p.doc.clientID)]));
  }

  randomStep(): void {
    this.step++;
    const { rng, config } = this;
    const live = config.profile !== 'files';
    const files = config.profile !== 'live';
    const action = rng.weighted({
      op: 40,
      deliver: live ? 18 : 0,
      flush: live ? 4 : 0,
      duplicate: live ? 4 : 0,
      drop: live ? 4 : 0,
      resendStash: live ? 2 : 0,
      reconnect: live ? 3 : 0,
      resendFull: live ? 1 : 0,
      offline: live ? 2 : 0,
      online: live ? 3 : 0,
      partition: live && !this.partitioned() ? 2 : 0,
      heal: live ? 2 : 0,
      exportFile: files ? 14 : 0,
      importFiles: files ? 10 : 0,
    });
    const someone = () => rng.int(this.peers.length);
    switch (action) {
      case 'op': {
        const p = this.peer(someone());
        const count = rng.range(1, 3);
        const run = () => {
          for (let k = 0; k < count; k++) this.note(`p${p.index} ${randomOp(p.doc, rng, { emoji: this.config.emoji })}`);
          this.stats.ops += count;
        };
        if (count > 1 && rng.bool(0.4)) p.doc.transact(run);
        else run();
        break;
      }
      case 'deliver':
        this.note(`deliver ${this.deliverSome(rng.range(1, 8))}`);
        break;
      case 'flush':
        this.note(`flush ${this.flush()}`);
        break;
      case 'duplicate':
        this.duplicateOne();
        break;
      case 'drop':
        this.dropOne();
        break;
      case 'resendStash':
        this.resendStash();
        break;
      case 'reconnect': {
        const i = someone();
        if (this.peer(i).online) this.reconnect(i);
        break;
      }
      case 'resendFull':
        this.resendFullState(someone());
        break;
      case 'offline':
        this.goOffline(someone());
        break;
      case 'online':
        this.goOnline(someone());
        break;
      case 'partition':
        this.partition();
        break;
      case 'heal':
        this.heal();
        break;
      case 'exportFile': {
        const from = someone();
        let to = someone();
        if (to === from) to = (to + 1) % this.peers.length;
        this.exportFile(from, to, rng.bool(0.3) ? 'full' : 'diff');
        break;
      }
      case 'importFiles':
        this.importFiles(someone());
        break;
    }
  }

  /** Heals every partition, brings every message and file home, and lets the peers converge. */
  healAndDeliverAll(): void {
    this.step++;
    const { rng, config } = this;
    this.note(`final heal: ${config.finalHeal}${config.reconnectAll ? ', reconnect all' : ''}`);
    this.heal();
    this.partitionDrops = false;
    this.resendStash();
    if (config.finalHeal === 'files' || config.finalHeal === 'filesThenLive') {
      // Everyone goes offline (what is in flight is lost) and sends everyone a copy file; old files still lie
      // around and are applied too, in random order with the new ones.
      for (const p of this.peers) this.goOffline(p.index);
      this.queue = [];
      this.fileRounds();
    }
    if (config.finalHeal === 'live' || config.finalHeal === 'filesThenLive') {
      for (const p of rng.shuffle(this.peers)) {
        if (!p.online) this.goOnline(p.index);
        else if (config.reconnectAll || p.needsResync) this.reconnect(p.index);
      }
      this.note(`flush ${this.flush()}`);
      // Stale files that were never applied arrive late; they must change nothing that breaks convergence.
      for (const p of rng.shuffle(this.peers)) this.importFiles(p.index, true);
      this.note(`flush ${this.flush()}`);
    }
  }

  /**
   * Rounds of "everyone sends a copy file to everyone, then everyone applies what it got", until applying files
   * causes no local change. One round is not always enough: applying a remote update can make Yjs write a local
   * change (it deletes formatting markers it finds redundant, in a transaction of its own), which the others
   * only learn from a later file.
   */
  private fileRounds(): void {
    const { rng } = this;
    const changedLocally = new Set<number>();
    const listeners = this.peers.map((p) => {
      const listener = (_update: Uint8Array, origin: unknown) => {
        if (origin !== 'file') changedLocally.add(p.index);
      };
      p.doc.on('update', listener);
      return listener;
    });
    try {
      let senders = this.peers.map((p) => p.index);
      for (let round = 1; senders.length > 0; round++) {
        if (round > MAX_FILE_ROUNDS) {
          this.problems.push(`file exchange still causes local changes after ${MAX_FILE_ROUNDS} rounds`);
          return;
        }
        this.note(`file round ${round}: senders ${senders.map((i) => `p${i}`).join(' ')}`);
        this.stats.fileRounds = Math.max(this.stats.fileRounds, round);
        for (const from of senders) {
          for (const to of this.peers) {
            if (from !== to.index) this.exportFile(from, to.index, rng.bool(0.4) ? 'full' : 'exact', true);
          }
        }
        changedLocally.clear();
        for (const p of rng.shuffle(this.peers)) this.importFiles(p.index, true);
        senders = [...changedLocally].toSorted((a, b) => a - b);
      }
    } finally {
      this.peers.forEach((p, i) => p.doc.off('update', listeners[i] as (u: Uint8Array, o: unknown) => void));
    }
  }

  run(): this {
    withSeededUuids(this.idRng, () => {
      this.setup();
      for (let s = 0; s < this.config.steps; s++) this.randomStep();
      this.healAndDeliverAll();
    });
    return this;
  }
}

/** addParticipant takes its id from crypto.randomUUID; while `fn` runs, ids come from `rng` so a seed reproduces. */
export function withSeededUuids<T>(rng: Prng, fn: () => T): T {
  const c = globalThis.crypto as unknown as Record<string, unknown>;
  const own = Object.getOwnPropertyDescriptor(c, 'randomUUID');
  Object.defineProperty(c, 'randomUUID', { value: () => rng.uuid(), configurable: true, writable: true });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(c, 'randomUUID', own);
    else delete c.randomUUID;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Random operations

const WORDS = ['drift', 'aftale', 'frist', 'leverance', 'budget', 'møde', 'kontrakt', 'svar', 'plan', 'test', 'æble', 'ø', 'x'];
const ORGS = ['Aarhus Kommune', 'Odense Kommune', 'Netcompany', 'KMD', 'Region Midt', ''];
const FIRST = ['Mette', 'Jens', 'Ali', 'Sofie', 'Lars', 'Birgitte', ''];
const LAST = ['Holm', 'Nielsen', 'Jensen', 'Østergaard', ''];

function randomWords(rng: Prng, max = 3): string {
  return Array.from({ length: rng.range(1, max) }, () => rng.pick(WORDS)).join(' ');
}

function randomName(rng: Prng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`.trim();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function randomDate(rng: Prng): string {
  return `${rng.range(2024, 2027)}-${pad2(rng.range(1, 12))}-${pad2(rng.range(1, 28))}`;
}

function randomTime(rng: Prng): string {
  return `${pad2(rng.range(0, 23))}:${pad2(rng.range(0, 59))}`;
}

const MARKS: ReadonlyArray<Record<string, unknown>> = [
  { bold: {} },
  { bold: null },
  { italic: {} },
  { italic: null },
  { strike: {} },
  { underline: {} },
  { link: { href: 'https://example.org/referat', target: '_blank', rel: 'noopener noreferrer nofollow' } },
  { link: null },
  { bold: {}, italic: {} },
];

interface BodyTree {
  /** elements whose children are text: paragraph, heading, agendaTitle, actionItem */
  textBlocks: Y.XmlElement[];
  /** every element but agenda titles (an agenda item keeps its title), with its parent, for deletion */
  elements: Array<{ el: Y.XmlElement; parent: Y.XmlFragment }>;
  /** places a block may be inserted: the body, list items, agenda items (after the title), decisions */
  containers: Y.XmlFragment[];
  lists: Y.XmlElement[];
  headings: Y.XmlElement[];
  agendaItems: Y.XmlElement[];
  actionItems: Y.XmlElement[];
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', AGENDA_TITLE, ACTION_ITEM]);
const CONTAINERS = new Set(['listItem', AGENDA_ITEM, DECISION]);

function walkBody(doc: Y.Doc): BodyTree {
  const body = bodyFragment(doc);
  const tree: BodyTree = { textBlocks: [], elements: [], containers: [body], lists: [], headings: [], agendaItems: [], actionItems: [] };
  const visit = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const name = child.nodeName;
      if (name !== AGENDA_TITLE) tree.elements.push({ el: child, parent });
      if (TEXT_BLOCKS.has(name)) tree.textBlocks.push(child);
      if (CONTAINERS.has(name)) tree.containers.push(child);
      if (name === 'heading') tree.headings.push(child);
      if (name === 'bulletList') tree.lists.push(child);
      if (name === AGENDA_ITEM) tree.agendaItems.push(child);
      if (name === ACTION_ITEM) tree.actionItems.push(child);
      if (name === 'bulletList' || CONTAINERS.has(name)) visit(child);
    }
  };
  visit(body);
  return tree;
}

function paragraph(rng: Prng, p = 0.7): Y.XmlElement {
  const el = new Y.XmlElement(PARAGRAPH);
  if (rng.bool(p)) el.insert(0, [new Y.XmlText(randomWords(rng))]);
  return el;
}

function newListItem(rng: Prng): Y.XmlElement {
  const item = new Y.XmlElement('listItem');
  item.insert(0, [paragraph(rng, 1)]);
  return item;
}

/** A new block that fits in `parent`, as the editor's schema would allow. */
function newBlock(parent: Y.XmlFragment, rng: Prng): Y.XmlElement {
  const where = parent instanceof Y.XmlElement ? parent.nodeName : 'body';
  if (where === DECISION) return paragraph(rng);
  const kind = rng.weighted({
    paragraph: 10,
    heading: 3,
    bulletList: where === 'listItem' ? 0 : 1.5,
    decision: where === 'listItem' ? 0 : 1.5,
    actionItem: where === 'listItem' ? 0 : 2,
    agendaItem: where === 'body' ? 2 : 0,
  });
  switch (kind) {
    case 'heading': {
      const heading = new Y.XmlElement<{ level: number }>('heading');
      heading.setAttribute('level', rng.range(2, 3));
      heading.insert(0, [new Y.XmlText(randomWords(rng))]);
      return heading as unknown as Y.XmlElement;
    }
    case 'bulletList': {
      const list = new Y.XmlElement('bulletList');
      list.insert(0, Array.from({ length: rng.range(1, 2) }, () => newListItem(rng)));
      return list;
    }
    case 'decision': {
      const d = new Y.XmlElement(DECISION);
      d.setAttribute('id', rng.uuid());
      d.insert(0, [paragraph(rng, 1)]);
      return d;
    }
    case 'actionItem':
      return actionItemElement(
        { id: rng.uuid(), owner: randomName(rng), ownerOrganisation: rng.pick(ORGS), due: rng.bool() ? randomDate(rng) : '', done: false, originDoc: '', originItem: '' },
        randomWords(rng),
      );
    case 'agendaItem':
      return agendaItemElement(rng.uuid(), randomWords(rng));
    default:
      return paragraph(rng);
  }
}

function textsOf(block: Y.XmlElement): Y.XmlText[] {
  return block.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
}

/** One random edit of the body, as y-prosemirror would make it; returns a description for the log. */
export function randomBodyOp(doc: Y.Doc, rng: Prng): string {
  const tree = walkBody(doc);
  const kind = rng.weighted({
    insertText: tree.textBlocks.length ? 30 : 0,
    deleteText: tree.textBlocks.length ? 12 : 0,
    format: tree.textBlocks.length ? 8 : 0,
    insertBlock: 10,
    insertListItem: tree.lists.length ? 2 : 0,
    deleteElement: tree.elements.length > 2 ? 5 : 0,
    headingLevel: tree.headings.length ? 1.5 : 0,
    agendaAttribute: tree.agendaItems.length ? 1.5 : 0,
    actionItemDone: tree.actionItems.length ? 2 : 0,
    actionItemAttribute: tree.actionItems.length ? 1.5 : 0,
  });
  switch (kind) {
    case 'insertText': {
      const block = rng.pick(tree.textBlocks);
      const texts = textsOf(block);
      if (texts.length === 0 || rng.bool(0.05)) {
        const at = rng.int(block.length + 1);
        block.insert(at, [new Y.XmlText(rng.pick(WORDS))]);
        return `body: new text node in <${block.nodeName}> at ${at}`;
      }
      const t = rng.pick(texts);
      const at = rng.int(t.length + 1);
      const word = rng.bool(0.6) ? ([...rng.pick(WORDS)][0] ?? 'x') : ` ${rng.pick(WORDS)}`;
      if (rng.bool(0.15)) t.insert(at, word, { ...rng.pick(MARKS) } as Record<string, unknown>);
      else t.insert(at, word);
      return `body: insert ${JSON.stringify(word)} at ${at} in <${block.nodeName}>`;
    }
    case 'deleteText': {
      const texts = textsOf(rng.pick(tree.textBlocks)).filter((t) => t.length > 0);
      if (texts.length === 0) return 'body: nothing to delete';
      const t = rng.pick(texts);
      const at = rng.int(t.length);
      const len = Math.min(t.length - at, rng.range(1, 6));
      t.delete(at, len);
      return `body: delete ${len} at ${at}`;
    }
    case 'format': {
      const texts = textsOf(rng.pick(tree.textBlocks)).filter((t) => t.length > 0);
      if (texts.length === 0) return 'body: nothing to format';
      const t = rng.pick(texts);
      const at = rng.int(t.length);
      const len = Math.min(t.length - at, rng.range(1, 10));
      const marks = rng.pick(MARKS);
      t.format(at, len, { ...marks });
      return `body: format ${at}+${len} ${JSON.stringify(marks)}`;
    }
    case 'insertBlock': {
      const parent = rng.pick(tree.containers);
      const isAgenda = parent instanceof Y.XmlElement && parent.nodeName === AGENDA_ITEM;
      // Inside an agenda item the title stays first.
      const at = isAgenda ? 1 + rng.int(parent.length) : rng.int(parent.length + 1);
      const block = newBlock(parent, rng);
      parent.insert(Math.min(at, parent.length), [block]);
      return `body: insert <${block.nodeName}> at ${at} in <${parent instanceof Y.XmlElement ? parent.nodeName : 'body'}>`;
    }
    case 'insertListItem': {
      const list = rng.pick(tree.lists);
      const at = rng.int(list.length + 1);
      list.insert(at, [newListItem(rng)]);
      return `body: insert listItem at ${at}`;
    }
    case 'deleteElement': {
      const { el, parent } = rng.pick(tree.elements);
      const at = parent.toArray().indexOf(el);
      const len = Math.min(parent.length - at, rng.bool(0.8) ? 1 : 2);
      parent.delete(at, len);
      return `body: delete ${len} element(s) at ${at} (<${el.nodeName}>)`;
    }
    case 'headingLevel': {
      const h = rng.pick(tree.headings) as unknown as Y.XmlElement<{ level: number }>;
      const level = rng.range(2, 3);
      h.setAttribute('level', level);
      return `body: heading level ${level}`;
    }
    case 'agendaAttribute': {
      const item = rng.pick(tree.agendaItems);
      const key = rng.pick(['caseNumber', 'kleCode']);
      const value = rng.bool(0.2) ? '' : `${rng.range(1, 99)}.${rng.range(0, 99)}`;
      item.setAttribute(key, value);
      return `body: agenda item ${key}=${JSON.stringify(value)}`;
    }
    case 'actionItemDone': {
      const id = rng.pick(tree.actionItems).getAttribute('id');
      const done = rng.bool();
      if (typeof id === 'string') setActionItemDone(doc, id, done);
      return `body: action item ${String(id).slice(0, 8)} done=${String(done)}`;
    }
    case 'actionItemAttribute': {
      const item = rng.pick(tree.actionItems);
      if (rng.bool()) {
        const due = rng.bool(0.2) ? '' : randomDate(rng);
        item.setAttribute('due', due);
        return `body: action item due=${due}`;
      }
      const owner = randomName(rng);
      item.setAttribute('owner', owner);
      return `body: action item owner=${JSON.stringify(owner)}`;
    }
  }
  return 'body: nothing';
}

// Emoji are two UTF-16 code units; several share their first one (U+D83D), which is what trips naive diffs.
const EMOJI = ['😀', '😁', '👍', '🏽', '📅'];

function randomTitle(current: string, rng: Prng, emoji: boolean): string {
  // Typing-like, on whole characters (a cursor never sits inside an emoji): a character or word typed somewhere,
  // a backspace or two, or a short selection replaced.
  const chars = [...current];
  const at = rng.int(chars.length + 1);
  const typed = () => (emoji && rng.bool(0.4) ? rng.pick(EMOJI) : ([...rng.pick(WORDS)][0] ?? 'x'));
  const head = chars.slice(0, at).join('');
  const kind = current.length > 120 ? 'delete' : rng.weighted({ type: 5, word: 2, delete: 3, replace: 1, clear: 0.2 });
  switch (kind) {
    case 'type':
      return head + typed() + chars.slice(at).join('');
    case 'word':
      return `${head} ${rng.pick(WORDS)}${chars.slice(at).join('')}`;
    case 'delete':
      return chars.slice(0, Math.max(0, at - rng.range(1, 3))).join('') + chars.slice(at).join('');
    case 'replace':
      return head + (rng.bool() ? typed() : rng.pick(WORDS)) + chars.slice(at + rng.range(1, 5)).join('');
    default:
      return '';
  }
}

function randomPatch(rng: Prng): ParticipantPatch {
  const patch: ParticipantPatch = {};
  const fields = rng.shuffle(['name', 'organisation', 'organisationKind', 'role', 'present'] as const).slice(0, rng.range(1, 3));
  for (const f of fields) {
    if (f === 'name') patch.name = randomName(rng);
    else if (f === 'organisation') patch.organisation = rng.pick(ORGS);
    else if (f === 'organisationKind') patch.organisationKind = rng.pick(ORGANISATION_KINDS);
    else if (f === 'role') patch.role = rng.bool(0.3) ? '' : randomWords(rng, 2);
    else patch.present = rng.bool();
  }
  return patch;
}

export interface OpOptions {
  /** Type emoji into the title too (see the applyTextDiff finding in the convergence test). */
  emoji: boolean;
}

/** One random user action on a referat; returns a description for the log. */
export function randomOp(doc: Y.Doc, rng: Prng, options: OpOptions = { emoji: false }): string {
  const kind = rng.weighted({ body: 60, title: 12, meta: 9, addParticipant: 5, updateParticipant: 7, removeParticipant: 2, approve: 2, removeApproval: 1 });
  switch (kind) {
    case 'body':
      return randomBodyOp(doc, rng);
    case 'title': {
      const next = randomTitle(readMeta(doc).title, rng, options.emoji);
      setTitle(doc, next);
      return `title ${JSON.stringify(next)}`;
    }
    case 'meta': {
      const field = rng.pick<EditableMetaField>(['date', 'startTime', 'endTime', 'location']);
      const value = rng.bool(0.1)
        ? ''
        : field === 'date'
          ? randomDate(rng)
          : field === 'location'
            ? randomWords(rng, 4)
            : randomTime(rng);
      setMetaField(doc, field, value);
      return `meta ${field}=${JSON.stringify(value)}`;
    }
    case 'addParticipant': {
      const id = addParticipant(doc, {
        name: randomName(rng),
        organisation: rng.pick(ORGS),
        organisationKind: rng.pick(ORGANISATION_KINDS),
        role: rng.bool() ? '' : randomWords(rng, 2),
        present: rng.bool(0.8),
      });
      return `add participant ${id.slice(0, 8)}`;
    }
    case 'updateParticipant': {
      const people = readParticipants(doc);
      if (people.length === 0) return 'update participant: nobody';
      const who = rng.pick(people);
      const patch = randomPatch(rng);
      updateParticipant(doc, who.id, patch);
      return `update participant ${who.id.slice(0, 8)} ${JSON.stringify(patch)}`;
    }
    case 'approve': {
      const id = `approval-${rng.int(1_000_000)}`;
      fuzzApprove(doc, id);
      return `approve ${id}`;
    }
    case 'removeApproval': {
      const n = approvalsArray(doc).length;
      if (n === 0) return 'remove approval: none';
      const i = rng.int(n);
      approvalsArray(doc).delete(i, 1);
      return `remove approval ${i}`;
    }
    case 'removeParticipant': {
      const people = readParticipants(doc);
      if (people.length === 0) return 'remove participant: nobody';
      const who = rng.pick(people);
      removeParticipant(doc, who.id);
      return `remove participant ${who.id.slice(0, 8)}`;
    }
  }
  return 'nothing';
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

export interface ReplicaState {
  stateVector: string;
  /** Deleted ranges per client, merged, so two replicas that split items differently still compare equal. */
  deleteSet: string;
  meta: ReferatMeta;
  participants: Participant[];
  body: string;
  structure: ReferatStructure;
  library: LibraryEntry;
}

export function replicaState(doc: Y.Doc): ReplicaState {
  const meta = readMeta(doc);
  return {
    stateVector: JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].toSorted((a, b) => a[0] - b[0])),
    deleteSet: deleteSetKey(doc),
    meta,
    participants: readParticipants(doc),
    body: bodyFragment(doc).toString(),
    structure: readStructure(doc),
    library: libraryEntry(doc, meta.id),
  };
}

function deleteSetKey(doc: Y.Doc): string {
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  return [...ds.clients.entries()]
    .toSorted((a, b) => a[0] - b[0])
    .map(([client, ranges]) => `${client}:${ranges.map((r) => `${r.clock}+${r.len}`).join(',')}`)
    .join(' ');
}

function short(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s;
}

/**
 * Every difference between the replicas, pair by pair, and every replica that still holds pending structs or
 * deletes. An empty list means they converged.
 */
export function compareReplicas(docs: readonly Y.Doc[]): string[] {
  const problems: string[] = [];
  const states = docs.map(replicaState);
  docs.forEach((doc, i) => {
    if (doc.store.pendingStructs !== null) problems.push(`peer ${i} has pending structs`);
    if (doc.store.pendingDs !== null) problems.push(`peer ${i} has pending deletes`);
  });
  const svBytes = docs.map((d) => Y.encodeStateVector(d));
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = states[i] as ReplicaState;
      const b = states[j] as ReplicaState;
      const sa = svBytes[i] as Uint8Array;
      const sb = svBytes[j] as Uint8Array;
      const aspects: Array<[string, unknown, unknown]> = [
        ['encoded state vector', Array.from(sa).join(','), Array.from(sb).join(',')],
        ['state vector', a.stateVector, b.stateVector],
        ['delete set', a.deleteSet, b.deleteSet],
        ['meta', a.meta, b.meta],
        ['participants', a.participants, b.participants],
        ['body', a.body, b.body],
        ['structure', a.structure, b.structure],
        ['library entry', a.library, b.library],
      ];
      for (const [name, x, y] of aspects) {
        const sx = typeof x === 'string' ? x : JSON.stringify(x);
        const sy = typeof y === 'string' ? y : JSON.stringify(y);
        if (sx !== sy) problems.push(`peers ${i} and ${j} differ in ${name}: ${short(x)} ≠ ${short(y)}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The template must be shared, never doubled

/** What one seeding of `template` writes: the template client's clock and its number of top-level nodes. */
function templateShape(template: Template): { clock: number; nodes: number } {
  const d = new Y.Doc({ gc: false });
  Y.applyUpdate(d, templateUpdate(template));
  const shape = { clock: Y.getState(d.store, TEMPLATE_CLIENT_ID), nodes: bodyFragment(d).length };
  d.destroy();
  return shape;
}

/** Problems with the seeded agenda: more template items than one seeding makes, or an agenda item twice. */
export function agendaProblems(doc: Y.Doc, template: Template, label: string): string[] {
  const problems: string[] = [];
  const expected = templateShape(template);
  const clock = Y.getState(doc.store, TEMPLATE_CLIENT_ID);
  if (clock !== expected.clock) problems.push(`${label}: template client clock ${clock}, expected ${expected.clock}`);
  // Count the template's top-level nodes, deleted ones included: one seeding makes exactly this many.
  let nodes = 0;
  for (let item = bodyFragment(doc)._start; item !== null; item = item.right) {
    if (item.id.client === TEMPLATE_CLIENT_ID && item.content instanceof Y.ContentType) nodes++;
  }
  if (nodes !== expected.nodes) problems.push(`${label}: ${nodes} template nodes in the body, expected ${expected.nodes}`);
  // Agenda item ids are deterministic (`template-version-n`): each may appear once at most.
  const ids = readStructure(doc).agendaItems.map((a) => a.id);
  for (const id of new Set(ids)) {
    const n = ids.filter((x) => x === id).length;
    if (n > 1) problems.push(`${label}: agenda item ${JSON.stringify(id)} appears ${n} times`);
  }
  return problems;
}

/** Everything that must hold after the final heal; an empty list means the run passed. */
export function checkNetwork(net: FuzzNetwork): string[] {
  const problems = [...net.problems, ...compareReplicas(net.docs())];
  for (const p of net.peers) {
    for (const e of p.syncErrors) problems.push(`peer ${p.index} docSync error: ${e}`);
    problems.push(...agendaProblems(p.doc, net.config.template, `peer ${p.index}`));
  }
  return problems;
}
