// A hostile live peer that is not the app: plain y-webrtc + Yjs in a test page, joining a room with what an
// invitation link gives (the same derived room name, password and options as src/sync/webrtcLive.ts), then sending what the
// live gate must refuse. Bundled at test time (hostileBundle.ts); exposes `window.hostile`.
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { docRoom, parseInvitation } from '../../../../src/session/invite';

export type Attack = 'metaId' | 'formatVersion' | 'bigMetaId' | 'bigGarbage' | 'oversized';

export interface HostileApi {
  /** Joins the room of `link` as a new peer (a new y-webrtc peer id) and resolves once it holds the referat. */
  join(link: string, signallingUrl: string): Promise<{ metaId: string; body: string }>;
  /** Sends one attack to every connected peer; resolves with what the sending side said ('sent' or its error). */
  attack(kind: Attack): string;
  /** Connected WebRTC peers. */
  peers(): number;
  leave(): void;
}

interface Internals {
  room: { webrtcConns: Map<string, { connected: boolean; peer: { send(data: Uint8Array): void } }> } | null;
}

// A presence that parses (core/presence.ts) so the victim can name who it disconnected; nothing about it is proven.
const PRESENCE = {
  name: 'Eve Fjendtlig',
  organisation: 'Andet firma',
  organisationKind: 'leverandoer',
  fingerprint: 'ABCD ABCD ABCD ABCD ABCD ABCD ABCD ABCD',
  color: '#aa0000',
  stateVector: '',
};

let provider: WebrtcProvider | null = null;
let doc: Y.Doc | null = null;

/** A y-webrtc sync message carrying `update`, written as y-webrtc writes one. */
function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

function sendRaw(message: Uint8Array): string {
  const conns = (provider as unknown as Internals | null)?.room?.webrtcConns;
  try {
    for (const conn of conns?.values() ?? []) if (conn.connected) conn.peer.send(message);
    return 'sent';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** A paragraph of hostile text large enough (over 32 KiB) to be checked in the victim's worker. */
function bigParagraph(d: Y.Doc): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(`FJENDTLIG ${'x'.repeat(60_000)}`)]);
  d.getXmlFragment('body').insert(0, [p]);
}

const api: HostileApi = {
  async join(link, signallingUrl) {
    api.leave();
    const parsed = parseInvitation(new URL(link).hash);
    if (!parsed.ok) throw new Error(`not an invitation: ${link}`);
    const inv = parsed.invitation;
    const d = new Y.Doc({ gc: false });
    const awareness = new Awareness(d);
    awareness.setLocalState({ presence: PRESENCE });
    doc = d;
    const room = docRoom(inv);
    provider = new WebrtcProvider(room.name, d, {
      signaling: [signallingUrl],
      password: room.password,
      awareness,
      maxConns: 20,
      filterBcConns: true,
      peerOpts: { config: { iceServers: [] } },
    });
    const meta = d.getMap('meta');
    for (let i = 0; i < 300 && typeof meta.get('id') !== 'string'; i++) await new Promise((r) => setTimeout(r, 100));
    const metaId = meta.get('id');
    if (typeof metaId !== 'string') throw new Error('the referat never arrived');
    return { metaId, body: d.getXmlFragment('body').toString() };
  },
  attack(kind) {
    const d = doc;
    if (d === null) throw new Error('not joined');
    const meta = d.getMap('meta');
    switch (kind) {
      case 'metaId':
        meta.set('id', crypto.randomUUID());
        return 'sent';
      case 'formatVersion':
        meta.set('formatVersion', 3);
        return 'sent';
      case 'bigMetaId':
        d.transact(() => {
          bigParagraph(d);
          meta.set('id', crypto.randomUUID());
        });
        return 'sent';
      case 'bigGarbage':
        // 100 KiB that Yjs cannot read ("Integer out of Range"): refused by the worker check as badUpdate.
        return sendRaw(updateMessage(new Uint8Array(100 * 1024).fill(0xff)));
      case 'oversized': {
        // Over the gate's 8 MiB message limit: a real, readable update with a hostile paragraph.
        const copy = new Y.Doc({ gc: false });
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(d));
        const sv = Y.encodeStateVector(copy);
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`FJENDTLIG ${'y'.repeat(9 * 1024 * 1024)}`)]);
        copy.getXmlFragment('body').insert(0, [p]);
        return sendRaw(updateMessage(Y.encodeStateAsUpdate(copy, sv)));
      }
    }
  },
  peers() {
    const conns = (provider as unknown as Internals | null)?.room?.webrtcConns;
    return [...(conns?.values() ?? [])].filter((c) => c.connected).length;
  },
  leave() {
    provider?.destroy();
    doc?.destroy();
    provider = null;
    doc = null;
  },
};

(window as unknown as { hostile: HostileApi }).hostile = api;
