// A seeded test network for convergence fuzzing, in the style of yjs' tests/testHelper.js: N replicas of one
// referat edit at random while their updates travel by an unreliable live bus (liveBus) and by copy files
// (fileExchange). After the random phase everything is healed and delivered, and the replicas must be identical
// (checkNetwork). The parts share one FuzzWorld, so all their random choices come from one seeded stream.
import * as Y from 'yjs';
import { initReferat } from '../../../src/core/initReferat';
import { ORGANISATION_KINDS } from '../../../src/core/profile';
import { writeClaim } from '../../../src/core/clientClaims';
import { seedTemplate } from '../../../src/core/templateUpdate';
import { FileExchange } from './fileExchange';
import { fuzzClaim } from './fuzzClaims';
import type { FuzzConfig } from './fuzzConfig';
import { FuzzWorld } from './fuzzWorld';
import { LiveBus } from './liveBus';
import { randomBodyOp } from './randomBodyOp';
import { randomOp } from './randomOp';
import { ORGS, randomDate, randomName } from './randomValues';
import { svOf } from './stateVectorMap';
import { withSeededUuids } from './withSeededUuids';

export class FuzzNetwork extends FuzzWorld {
  readonly bus: LiveBus;
  readonly files: FileExchange;

  constructor(config: FuzzConfig) {
    super(config);
    this.bus = new LiveBus(this);
    this.files = new FileExchange(this);
  }

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
      for (const p of this.peers) if (this.config.profile === 'live' || rng.bool(0.7)) this.bus.goOnline(p.index);
    }
  }

  randomStep(): void {
    this.step++;
    const { rng, config, bus, files } = this;
    const live = config.profile !== 'files';
    const byFile = config.profile !== 'live';
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
      partition: live && !bus.partitioned() ? 2 : 0,
      heal: live ? 2 : 0,
      exportFile: byFile ? 14 : 0,
      importFiles: byFile ? 10 : 0,
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
        this.note(`deliver ${bus.deliverSome(rng.range(1, 8))}`);
        break;
      case 'flush':
        this.note(`flush ${bus.flush()}`);
        break;
      case 'duplicate':
        bus.duplicateOne();
        break;
      case 'drop':
        bus.dropOne();
        break;
      case 'resendStash':
        bus.resendStash();
        break;
      case 'reconnect': {
        const i = someone();
        if (this.peer(i).online) bus.reconnect(i);
        break;
      }
      case 'resendFull':
        bus.resendFullState(someone());
        break;
      case 'offline':
        bus.goOffline(someone());
        break;
      case 'online':
        bus.goOnline(someone());
        break;
      case 'partition':
        bus.partition();
        break;
      case 'heal':
        bus.heal();
        break;
      case 'exportFile': {
        const from = someone();
        let to = someone();
        if (to === from) to = (to + 1) % this.peers.length;
        files.exportFile(from, to, rng.bool(0.3) ? 'full' : 'diff');
        break;
      }
      case 'importFiles':
        files.importFiles(someone());
        break;
    }
  }

  /** Heals every partition, brings every message and file home, and lets the peers converge. */
  healAndDeliverAll(): void {
    this.step++;
    const { rng, config, bus, files } = this;
    this.note(`final heal: ${config.finalHeal}${config.reconnectAll ? ', reconnect all' : ''}`);
    bus.healForGood();
    bus.resendStash();
    if (config.finalHeal === 'files' || config.finalHeal === 'filesThenLive') {
      // Everyone goes offline (what is in flight is lost) and sends everyone a copy file; old files still lie
      // around and are applied too, in random order with the new ones.
      for (const p of this.peers) bus.goOffline(p.index);
      bus.clear();
      files.exchangeUntilSettled();
    }
    if (config.finalHeal === 'live' || config.finalHeal === 'filesThenLive') {
      for (const p of rng.shuffle(this.peers)) {
        if (!p.online) bus.goOnline(p.index);
        else if (config.reconnectAll || p.needsResync) bus.reconnect(p.index);
      }
      this.note(`flush ${bus.flush()}`);
      // Stale files that were never applied arrive late; they must change nothing that breaks convergence.
      for (const p of rng.shuffle(this.peers)) files.importFiles(p.index, true);
      this.note(`flush ${bus.flush()}`);
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
