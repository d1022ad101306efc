// The app's relay client code (src/core, src/sync: keys, entries, envelope, exchange, connection, the update check)
// bundled with rolldown (Vite's bundler) into one plain .mjs, so that the relay cases and their client processes,
// which are plain Node, run the very code the app ships, with one copy of yjs and @hocuspocus/provider.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths.mjs';

/** @typedef {typeof import('yjs')} YModule */
/** @typedef {import('yjs').Doc} YDoc */

/**
 * @typedef {object} BenchSigner
 * @property {JsonWebKey} publicKey
 * @property {'ECDSA-P256' | 'Ed25519'} algorithm
 * @property {(data: Uint8Array) => Promise<Uint8Array>} sign
 */

/**
 * @typedef {object} RelayKeys src/core/relayKeys.ts
 * @property {string} mailboxId
 * @property {string} accessToken
 */

/** @typedef {{ self: string, own: { update: number, snapshot: number, ack: number } }} RelayCursor src/core/relayCursor.ts (as far as the bench reads it) */

/**
 * @typedef {object} RelayLink src/sync/relayConnection.ts
 * @property {() => 'connecting' | 'connected' | 'synced' | 'refused'} state
 * @property {(listener: (state: string) => void) => () => void} onState
 * @property {() => number} unsent
 * @property {() => void} destroy
 */

/** @typedef {{ kind: 'pass' } | { kind: 'refused', refusal: { code: string, clientId: number | null, detail: string } }} RelayCheckVerdict */

/**
 * @typedef {object} RelayExchangeResult src/sync/relayExchange.ts
 * @property {Uint8Array} posted
 * @property {number} applied
 * @property {number} sent
 * @property {Array<{ key: string, reason: string, detail: string }>} refused
 */

/**
 * @typedef {object} RelayBundle
 * @property {YModule} Y the bundle's own yjs: every document the relay cases make comes from it
 * @property {(options: { url: string, mailboxId: string, token: string, envelope: YDoc }) => RelayLink} connectRelay
 * @property {(input: { envelope: YDoc, doc: YDoc, docId: string, keys: RelayKeys, signer: BenchSigner, cursor: RelayCursor, posted: Uint8Array, facts: () => Promise<unknown>, check: (input: { message: Uint8Array, state: Uint8Array, facts: unknown, expectedId: string }) => Promise<RelayCheckVerdict>, now: number }) => Promise<RelayExchangeResult>} exchangeWithRelay
 * @property {string} RELAY_ORIGIN
 * @property {number} COMPACT_AFTER_ENTRIES
 * @property {(input: { message: Uint8Array, state: Uint8Array, facts: unknown, expectedId: string, maxMessageBytes: number }) => RelayCheckVerdict} checkRelayUpdate
 * @property {(doc: YDoc, claims: unknown, ownFingerprint: string) => unknown} receiverFacts
 * @property {(doc: YDoc) => Promise<unknown>} checkClaims
 * @property {(publicKey: JsonWebKey) => Promise<string>} keyFingerprint
 * @property {(secret: string, referatId: string) => Promise<RelayKeys>} deriveRelayKeys
 * @property {(fingerprint: string) => Uint8Array | null} fingerprintBytes
 * @property {(keys: RelayKeys, fingerprint: Uint8Array) => Promise<string>} senderTag
 * @property {(self: string) => RelayCursor} newRelayCursor
 * @property {{ update: number, snapshot: number, ack: number }} MAX_ENTRY_BYTES
 * @property {(input: { envelope: YDoc, keys: RelayKeys, signer: BenchSigner, cursor: RelayCursor, update: Uint8Array, now: number }) => Promise<string>} postUpdate
 * @property {(envelope: YDoc, keys: RelayKeys, signer: BenchSigner, cursor: RelayCursor, stateVector: Uint8Array, now: number) => Promise<unknown>} acknowledge
 * @property {(input: { envelope: YDoc, keys: RelayKeys, signer: BenchSigner, cursor: RelayCursor, update: Uint8Array, now: number }) => Promise<{ removedEntries: number }>} compact
 * @property {string} ENVELOPE_ENTRIES
 * @property {() => string} newReferatId
 * @property {(guid?: string) => YDoc} newReferatDoc
 * @property {(doc: YDoc) => import('yjs').XmlFragment} bodyFragment
 * @property {(doc: YDoc, r: { id: string, title: string, date: string, createdAt: string, template: unknown, creator: { name: string, organisation: string, organisationKind: string } }) => void} initReferat
 * @property {unknown} STANDARD_TEMPLATE
 */

/** What the bundle exports, from which module of src/ (yjs by its ESM file, so src/ and the entry share one copy). */
const EXPORTS = [
  ['src/sync/relayConnection.ts', 'connectRelay'],
  ['src/sync/relayExchange.ts', 'exchangeWithRelay, RELAY_ORIGIN, COMPACT_AFTER_ENTRIES'],
  ['src/sync/relayUpdateCheck.ts', 'checkRelayUpdate'],
  ['src/sync/receiverFacts.ts', 'receiverFacts'],
  ['src/core/clientClaims.ts', 'checkClaims'],
  ['src/core/fingerprint.ts', 'keyFingerprint'],
  ['src/core/relayKeys.ts', 'deriveRelayKeys, fingerprintBytes, senderTag'],
  ['src/core/relayCursor.ts', 'newRelayCursor'],
  ['src/core/relayEntryLayout.ts', 'MAX_ENTRY_BYTES'],
  ['src/core/relayEnvelope.ts', 'postUpdate, acknowledge, compact, ENVELOPE_ENTRIES'],
  ['src/core/referatId.ts', 'newReferatId'],
  ['src/core/referatDoc.ts', 'newReferatDoc, bodyFragment'],
  ['src/core/initReferat.ts', 'initReferat'],
  ['src/core/templates.ts', 'STANDARD_TEMPLATE'],
];

/**
 * Bundles the relay client code into `dir`/relay-bundle.mjs (about half a second).
 * @param {string} dir a temp folder the caller removes
 * @returns {Promise<string>} the bundle's path
 */
export async function buildRelayBundle(dir) {
  const entry = path.join(dir, 'relay-entry.mjs');
  const file = path.join(dir, 'relay-bundle.mjs');
  const lines = [
    `export * as Y from ${JSON.stringify(path.join(REPO_ROOT, 'node_modules', 'yjs', 'dist', 'yjs.mjs'))};`,
    ...EXPORTS.map(([module, names]) => `export { ${names} } from ${JSON.stringify(path.join(REPO_ROOT, /** @type {string} */ (module)))};`),
  ];
  writeFileSync(entry, `${lines.join('\n')}\n`);
  // rolldown is Vite 8's bundler (a dependency of vite), loaded by path so this file needs nothing else installed.
  const rolldown = /** @type {{ build(options: object): Promise<unknown> }} */ (
    await import(/* @vite-ignore */ pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'rolldown', 'dist', 'index.mjs')).href)
  );
  await rolldown.build({ input: entry, cwd: REPO_ROOT, platform: 'node', logLevel: 'warn', output: { file, format: 'esm' } });
  return file;
}

/**
 * @param {string} file from buildRelayBundle
 * @returns {Promise<RelayBundle>}
 */
export async function loadRelayBundle(file) {
  return /** @type {RelayBundle} */ (await import(/* @vite-ignore */ pathToFileURL(file).href));
}
