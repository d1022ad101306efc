// Store and forward for an open shared referat: keeps its relay mailbox connected while the referat is open, and
// runs an exchange (sync/relayExchange.ts) whenever the relay or this copy changes. Loaded on demand; a relay that
// is down or slow never holds up editing: changes wait on the device (the cursor says what went) and go when it answers.
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkClaims } from '../core/clientClaims';
import { readParticipants } from '../core/participants';
import { deriveRelayKeys, fingerprintBytes, senderTag } from '../core/relayKeys';
import { missingChanges } from '../core/stateVectors';
import { errorMessage } from '../core/errorMessage';
import { recordHeld } from '../storage/copyLedger';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { loadRelayCursor, saveRelayCursor, type StoredRelayCursor } from '../storage/relayCursors';
import { receiverFacts } from '../sync/receiverFacts';
import { relayCheckInWorker, type RelayUpdateChecker } from '../sync/relayCheckInWorker';
import { connectRelay, relayUrlFor, type RelayLink, type RelayLinkState } from '../sync/relayConnection';
import { exchangeWithRelay, RELAY_ORIGIN, type RelayEntryRefusal } from '../sync/relayExchange';
import { roomPassword, type Invitation } from './invite';
import { recordAutoVersion } from './recordAutoVersion';
import { bridgePresence, type RelayPresenceBridge } from './relayPresenceBridge';
import type { LocalIdentity } from './localIdentity';
import type { ReferatSession } from './referatSession';

/** Reports kept for the status, newest last. */
const MAX_REPORTS = 20;
/** Local edits are gathered this long before an exchange, so typing makes one entry per pause, not per key. */
const EDIT_PAUSE_MS = 1500;
/** After a (re)connection's first entries apply, the copy is taken as an automatic version once they settle. */
const RELAY_VERSION_SETTLE_MS = 3000;
/** The same while another member has the referat open through the relay and no direct connection: live. */
const LIVE_PAUSE_MS = 100;

export interface RelayStatus {
  link: RelayLinkState;
  /** Changes of this copy the relay does not hold yet. */
  waiting: boolean;
  /** When an exchange last finished with the relay, or null. */
  lastExchange: number | null;
  /** Entries applied since the referat was opened. */
  received: number;
  /** Entries refused since the referat was opened (each reported once), newest last. */
  refused: RelayEntryRefusal[];
  /** An exchange failed (not a refused entry): the message, until the next one succeeds. */
  failure: string | null;
  /** Other members with the referat open through the relay now (their presence came through it). */
  relayPeers: number;
  /** Live through the relay: others are here by the relay and no direct (WebRTC) peer is connected. */
  liveViaRelay: boolean;
  /** How long the relay took to confirm this device's last post, in ms, or null before one. */
  roundTripMs: number | null;
  /** The relay refuses more content for this mailbox (its size limit): changes stay on the device. */
  full: boolean;
}

/** The live session's side of live through the relay: its awareness, and whether WebRTC has a peer. */
export interface RelayLiveLink {
  awareness: Awareness;
  directPeers(): number;
}

export interface RelaySession {
  status(): RelayStatus;
  onStatus(listener: (s: RelayStatus) => void): () => void;
  /** Runs an exchange now (tests, and after the page comes back online). */
  exchange(): Promise<void>;
  /** Carries the live session's presence through the relay while one runs (null: none); call again when it changes. */
  attachLive(live: RelayLiveLink | null): void;
  stop(): void;
}

export type { RelayEntryRefusal } from '../sync/relayExchange';
export type { RelayLinkState } from '../sync/relayConnection';

export interface RelaySessionOptions {
  /** The relay's address; default: `/relay` on the app's own origin (relayConnection.ts, `relayUrlFor`). */
  url?: string;
  check?: RelayUpdateChecker;
  now?: () => number;
  connect?: typeof connectRelay;
}

export async function startRelaySession(
  db: LibraryDatabase,
  session: ReferatSession,
  invitation: Invitation,
  local: LocalIdentity,
  options: RelaySessionOptions,
): Promise<RelaySession> {
  const now = options.now ?? Date.now;
  const check = options.check ?? relayCheckInWorker();
  const own = local.me.fingerprint;
  const keys = await deriveRelayKeys(roomPassword(invitation), session.id);
  const ownBytes = fingerprintBytes(own);
  if (ownBytes === null) throw new Error('This device has no key fingerprint');
  const self = await senderTag(keys, ownBytes);
  let stored: StoredRelayCursor = await loadRelayCursor(db, session.id, keys.mailboxId, self);
  let confirmedPosted = stored.posted;
  const envelope = new Y.Doc();
  const link: RelayLink = (options.connect ?? connectRelay)({ url: options.url ?? relayUrlFor(globalThis.location), mailboxId: keys.mailboxId, token: keys.accessToken, envelope });

  const listeners = new Set<(s: RelayStatus) => void>();
  const reported = new Set<string>();
  let status: RelayStatus = {
    link: link.state(),
    waiting: false,
    lastExchange: null,
    received: 0,
    refused: [],
    failure: null,
    relayPeers: 0,
    liveViaRelay: false,
    roundTripMs: null,
    full: false,
  };
  let live: RelayLiveLink | null = null;
  let bridge: RelayPresenceBridge | null = null;
  let postedAt: number | null = null;
  // This copy's changes (any origin but the relay) since the last exchange: posted merged, without the whole delete set.
  let outgoing: Uint8Array[] = [];
  let compactedAt = 0;
  // What the relay brings after each (re)connection makes one automatic version, as live peers coming back do.
  let versionDue = true;
  let versionTimer: ReturnType<typeof setTimeout> | undefined;
  const waiting = () =>
    missingChanges(Y.decodeStateVector(Y.encodeStateVector(session.doc)), Y.decodeStateVector(stored.posted)) > 0 || link.unsent() > 0;
  const publish = (patch: Partial<RelayStatus>) => {
    const relayPeers = bridge?.peers() ?? 0;
    const liveViaRelay = relayPeers > 0 && link.state() === 'synced' && (live?.directPeers() ?? 0) === 0;
    status = { ...status, ...patch, link: link.state(), waiting: waiting(), relayPeers, liveViaRelay, full: link.full() };
    for (const l of listeners) l(status);
  };

  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    if (stopped || link.state() !== 'synced') return publish({});
    const taken = outgoing;
    outgoing = [];
    try {
      await exchangeOnce(taken);
    } catch (e) {
      outgoing = [...taken, ...outgoing];
      throw e;
    }
  };
  const exchangeOnce = async (taken: Uint8Array[]): Promise<void> => {
    const result = await exchangeWithRelay({
      envelope,
      doc: session.doc,
      docId: session.id,
      keys,
      signer: local.identity,
      cursor: stored.cursor,
      posted: stored.posted,
      facts: async () => receiverFacts(session.doc, await checkClaims(session.doc), own),
      check,
      now: now(),
      ...(taken.length > 0 ? { outgoing: taken.length === 1 ? (taken[0] as Uint8Array) : Y.mergeUpdates(taken) } : {}),
      compactedAt,
    });
    if (result.compactedAt !== null) compactedAt = result.compactedAt;
    if (result.sent > 0 && postedAt === null) postedAt = performance.now();
    stored = { cursor: stored.cursor, posted: result.posted };
    // What was posted counts on this device only once the relay confirms it (a full mailbox refuses the write).
    if (link.unsent() === 0) confirmedPosted = result.posted;
    await saveRelayCursor(db, session.id, keys.mailboxId, { cursor: stored.cursor, posted: confirmedPosted }, now());
    if (result.applied > 0) await session.reindex().catch(() => undefined);
    if (result.applied > 0 && versionDue) {
      versionDue = false;
      versionTimer = setTimeout(() => {
        if (!stopped) void recordAutoVersion(db, session.id, session.doc, 'relay').catch(() => undefined);
      }, RELAY_VERSION_SETTLE_MS);
    }
    await recordAcks(result.acks);
    const fresh = result.refused.filter((r) => !reported.has(`${r.key}:${r.reason}`));
    for (const r of fresh) reported.add(`${r.key}:${r.reason}`);
    publish({
      lastExchange: now(),
      received: status.received + result.applied,
      refused: [...status.refused, ...fresh].slice(-MAX_REPORTS),
      failure: null,
    });
  };
  // The copy ledger: a member's verified acknowledgement shows what its device holds; this device's own are not parties.
  const recordAcks = async (acks: Awaited<ReturnType<typeof exchangeWithRelay>>['acks']) => {
    const people = readParticipants(session.doc);
    for (const ack of acks) {
      if (ack.fingerprint === own) continue;
      const p = people.find((x) => x.fingerprint === ack.fingerprint);
      const party = { fingerprint: ack.fingerprint, name: p?.name ?? ack.fingerprint, organisation: p?.organisation ?? '', organisationKind: p?.organisationKind ?? '' };
      await recordHeld(db, session.id, party, Y.encodeStateVector(ack.stateVector), 'relay', now());
    }
  };
  const exchange = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      // Changes that came in while an exchange ran are taken by one more.
      for (;;) {
        again = false;
        try {
          await run();
        } catch (e) {
          publish({ failure: errorMessage(e).slice(0, 200) });
        }
        if (!again || stopped) break;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void exchange(), ms);
  };
  const onEnvelope = (_update: Uint8Array, origin: unknown) => {
    // The relay's changes (the provider applies them) are read at once; this device's own writes need no read.
    if (origin !== null && typeof origin === 'object') soon(50);
  };
  const onDoc = (update: Uint8Array, origin: unknown) => {
    if (origin === RELAY_ORIGIN) return;
    outgoing.push(update);
    publish({});
    soon(status.liveViaRelay ? LIVE_PAUSE_MS : EDIT_PAUSE_MS);
  };
  envelope.on('update', onEnvelope);
  session.doc.on('update', onDoc);
  // The link also calls when the count of unconfirmed changes moves: only a new connection asks for an exchange.
  let lastLink = link.state();
  const offLink = link.onState((s) => {
    // The relay confirmed everything posted: the time since the first unconfirmed post is the round trip shown.
    const confirmed = postedAt !== null && link.unsent() === 0 ? Math.round(performance.now() - postedAt) : null;
    if (confirmed !== null) postedAt = null;
    if (link.unsent() === 0 && confirmedPosted !== stored.posted) {
      confirmedPosted = stored.posted;
      void saveRelayCursor(db, session.id, keys.mailboxId, { cursor: stored.cursor, posted: confirmedPosted }, now()).catch(() => undefined);
    }
    publish(confirmed === null ? {} : { roundTripMs: confirmed });
    if (s === 'synced' && lastLink !== 'synced') {
      versionDue = true;
      soon(0);
    }
    lastLink = s;
  });

  return {
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exchange,
    attachLive(next) {
      if (next?.awareness === live?.awareness) {
        live = next;
        return publish({});
      }
      bridge?.stop();
      bridge = null;
      live = next;
      if (next && !stopped) {
        bridge = bridgePresence({ awareness: next.awareness, link, keys, signer: local.identity, now });
        bridge.onPeers(() => publish({}));
      }
      publish({});
    },
    stop() {
      stopped = true;
      clearTimeout(versionTimer);
      bridge?.stop();
      bridge = null;
      clearTimeout(timer);
      offLink();
      envelope.off('update', onEnvelope);
      session.doc.off('update', onDoc);
      listeners.clear();
      link.destroy();
      envelope.destroy();
    },
  };
}
