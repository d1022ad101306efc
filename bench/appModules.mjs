// The one place bench code loads the app's TypeScript (src/) and the browser-test helpers (tests/e2e/).
//
// Bench cases run under vitest (bench/vitest.config.mjs), which compiles TypeScript on import, so these modules
// load at run time. tsc checks bench/ with tsconfig.node.json, whose project may not pull in src/ or tests/
// files (TS6307), so the imports use computed URLs and the shapes used here are declared below. If the app
// changes one of these signatures, the bench fails at its first call rather than at type-check time.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';

/** @typedef {import('yjs').Doc} YDoc */

/**
 * @typedef {object} CoreModules
 * @property {(guid?: string) => YDoc} newReferatDoc src/core/referatDoc.ts
 * @property {(doc: YDoc) => import('yjs').XmlFragment} bodyFragment src/core/referatDoc.ts
 * @property {(doc: YDoc, r: { id: string, title: string, date: string, createdAt: string, template: unknown, creator: Profile }) => void} initReferat src/core/initReferat.ts
 * @property {unknown} STANDARD_TEMPLATE src/core/templates.ts
 */

/** @typedef {{ name: string, organisation: string, organisationKind: 'kommune' | 'leverandoer' | 'andet' }} Profile */

/**
 * @typedef {object} DocStoreInstance
 * @property {() => Promise<void>} flush
 * @property {() => Promise<void>} close
 * @property {number} storedUpdates
 */

/**
 * @typedef {object} StorageModules
 * @property {{ open(name: string, doc: YDoc, factory?: IDBFactory): Promise<DocStoreInstance> }} DocStore src/storage/docStore.ts
 * @property {number} COMPACT_THRESHOLD src/storage/docStore.ts
 * @property {(id: string) => string} docDatabaseName src/storage/docDatabaseName.ts
 */

/**
 * @typedef {object} Signer
 * @property {JsonWebKey} publicKey
 * @property {'ECDSA-P256' | 'Ed25519'} algorithm
 * @property {(data: Uint8Array) => Promise<Uint8Array>} sign
 */

/**
 * @typedef {object} ParsedReferatFile
 * @property {{ docId: string, stateVector: string }} header
 * @property {Uint8Array} update
 * @property {Uint8Array} signature
 * @property {Uint8Array} signedBytes
 */

/**
 * @typedef {{ kind: 'ok', newUpdate: Uint8Array, changesByClient: Array<{ client: number, count: number }>, isNewDocument: boolean }
 *   | { kind: 'alreadyIncluded' } | { kind: 'incomplete' } | { kind: 'error', code: string, detail: string }} FileImportResult
 */

/**
 * @typedef {object} FileModules
 * @property {(input: { docId: string, title: string, sender: Profile, signer: Signer, stateVector: Uint8Array, base: Uint8Array | null, update: Uint8Array, now: Date }) => Promise<Uint8Array>} encodeReferatFile src/core/referatFile.ts
 * @property {(bytes: Uint8Array, options?: { maxBytes?: number }) => ParsedReferatFile} parseReferatFile src/core/referatFile.ts
 * @property {(parsed: ParsedReferatFile) => Promise<boolean>} verifyReferatFile src/core/referatFile.ts
 * @property {number} DEFAULT_MAX_REFERAT_FILE_BYTES src/core/referatFile.ts
 * @property {(input: { fileBytes: Uint8Array, currentState: Uint8Array | null, expectedDocId: string | null, maxBytes: number }) => Promise<FileImportResult>} fileImportDecode src/sync/fileImportDecode.ts
 */

/**
 * @typedef {object} AppServer
 * @property {string} url base URL with a trailing slash
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} HarnessModule tests/e2e/support/harness.ts
 * @property {(options?: { args?: string[] }) => Promise<import('playwright-core').Browser>} launchChromium
 * @property {(options?: { dist?: string, headers?: Record<string, string> }) => Promise<AppServer>} startApp
 * @property {(page: import('playwright-core').Page, timeoutMs?: number) => Promise<void>} waitForServiceWorker
 * @property {(options?: { dist?: string }) => Promise<string>} copyDist a temp copy of a build; remove with removeTempDir
 * @property {(dir: string) => Promise<void>} removeTempDir
 */

/**
 * @typedef {object} ReferatAppInstance tests/e2e/pages/ReferatApp.ts
 * @property {import('playwright-core').Page} page
 * @property {import('playwright-core').Locator} editor
 * @property {(p: { name: string, organisation: string, kind?: 'Kommune' | 'Leverandør' | 'Andet' }) => Promise<void>} setUpProfile
 * @property {() => Promise<string>} createReferat
 * @property {() => Promise<string>} editorText
 * @property {(typed: string) => Promise<void>} typeAtEnd
 * @property {() => Promise<void>} waitUntilSaved
 * @property {(url: string) => Promise<void>} setSignalling
 * @property {(name: 'Bibliotek') => Promise<void>} nav
 * @property {() => Promise<string>} invite
 * @property {() => Promise<string>} liveStatus
 * @property {(path: string) => Promise<void>} goto
 * @property {() => string} referatId
 */

/**
 * @typedef {object} PageModelModule
 * @property {{ open(context: import('playwright-core').BrowserContext, baseUrl: string, path?: string): Promise<ReferatAppInstance> }} ReferatApp
 * @property {{ newReferat: string, editor: string }} DA
 */

/**
 * @typedef {object} LibraryRow an index row (src/storage/libraryDatabase.ts IndexedReferat), as far as the bench reads it
 * @property {string} id
 * @property {string} title
 * @property {string} date
 * @property {string[]} parties
 * @property {Array<{ id: string, text: string, owner: string, done: boolean, due: string }>} actionItems
 * @property {number} indexedAt
 */

/**
 * @typedef {object} SearchIndexInstance src/core/searchIndex.ts
 * @property {number} size
 * @property {number} termCount
 * @property {(query: string, filters?: { excludeIds?: ReadonlySet<string> }, options?: { limit?: number, snippets?: boolean }) => { total: number, hits: Array<{ id: string }> }} search
 */

/**
 * @typedef {object} SearchModules
 * @property {new (entries?: Iterable<LibraryRow>) => SearchIndexInstance} SearchIndex src/core/searchIndex.ts
 * @property {(text: string) => string} danishFold src/core/danishFold.ts
 * @property {readonly string[]} SEARCH_FIELDS src/core/searchFields.ts
 * @property {(entry: LibraryRow, field: string) => string[]} searchFieldTexts src/core/searchFields.ts
 * @property {Readonly<Record<string, number>>} SEARCH_FIELD_WEIGHTS src/core/searchFields.ts
 * @property {(text: string) => string[]} searchTerms src/core/searchTokens.ts
 * @property {(query: string) => Array<{ term: string, prefixes: string[] }>} parseSearchQuery src/core/searchQuery.ts
 * @property {(texts: readonly string[], query: ReadonlyArray<{ term: string, prefixes: string[] }>) => { text: string, ranges: Array<{ start: number, end: number }> } | null} searchSnippet src/core/searchSnippet.ts
 * @property {(count: number, seed?: number) => LibraryRow[]} generateLibrary src/testSupport/generateLibrary.ts
 */

/**
 * @param {string} relative path from the repository root
 * @returns {Promise<unknown>}
 */
function load(relative) {
  return import(/* @vite-ignore */ pathToFileURL(path.join(REPO_ROOT, relative)).href);
}

/** @returns {Promise<CoreModules>} */
export async function coreModules() {
  const [doc, init, templates] = await Promise.all([
    load('src/core/referatDoc.ts'),
    load('src/core/initReferat.ts'),
    load('src/core/templates.ts'),
  ]);
  return /** @type {CoreModules} */ ({ ...Object(doc), ...Object(init), ...Object(templates) });
}

/** @returns {Promise<StorageModules>} */
export async function storageModules() {
  const [store, name] = await Promise.all([load('src/storage/docStore.ts'), load('src/storage/docDatabaseName.ts')]);
  return /** @type {StorageModules} */ ({ ...Object(store), ...Object(name) });
}

/** @returns {Promise<FileModules>} */
export async function fileModules() {
  const [file, decode] = await Promise.all([load('src/core/referatFile.ts'), load('src/sync/fileImportDecode.ts')]);
  return /** @type {FileModules} */ ({ ...Object(file), ...Object(decode) });
}

/** @returns {Promise<HarnessModule>} */
export async function harnessModule() {
  return /** @type {HarnessModule} */ (await load('tests/e2e/support/harness.ts'));
}

/** @returns {Promise<PageModelModule>} */
export async function pageModelModule() {
  return /** @type {PageModelModule} */ (await load('tests/e2e/pages/ReferatApp.ts'));
}

/** @returns {Promise<SearchModules>} */
export async function searchModules() {
  const [index, fold, fields, tokens, query, snippet, library] = await Promise.all([
    load('src/core/searchIndex.ts'),
    load('src/core/danishFold.ts'),
    load('src/core/searchFields.ts'),
    load('src/core/searchTokens.ts'),
    load('src/core/searchQuery.ts'),
    load('src/core/searchSnippet.ts'),
    load('src/testSupport/generateLibrary.ts'),
  ]);
  return /** @type {SearchModules} */ (Object.assign({}, ...[index, fold, fields, tokens, query, snippet, library].map((m) => Object(m))));
}

/**
 * @typedef {object} TrustModules
 * @property {(doc: YDoc, dir: unknown) => Promise<{ status: string, approvals: Array<{ valid: boolean, current: boolean }> }>} checkTrust src/core/checkTrust.ts
 * @property {(doc: YDoc, dir: unknown) => { status: string }} checkTrustSync src/core/checkTrust.ts
 * @property {(keys: unknown[]) => unknown} keyDirectory src/core/knownKey.ts
 * @property {(doc: YDoc, who: Profile, signer: Signer, opts?: { participantId?: string }) => Promise<unknown>} approve src/core/approve.ts
 * @property {(signer: Signer, clientId: number, docId: string) => Promise<unknown>} signClaim src/core/clientClaims.ts
 * @property {(doc: YDoc, claim: unknown) => boolean} writeClaim src/core/clientClaims.ts
 * @property {(doc: YDoc) => Promise<Map<number, string>>} verifyClaims src/core/clientClaims.ts
 * @property {(key: JsonWebKey) => Promise<string>} keyFingerprint src/core/fingerprint.ts
 * @property {(doc: YDoc, fields: { name: string, organisation: string, organisationKind: string, role: string, present: boolean }) => string} addParticipant src/core/participants.ts
 * @property {(doc: YDoc) => { status: string }} readMeta src/core/meta.ts
 */

/** @returns {Promise<TrustModules>} */
export async function trustModules() {
  const mods = await Promise.all(
    ['src/core/checkTrust.ts', 'src/core/knownKey.ts', 'src/core/approve.ts', 'src/core/clientClaims.ts', 'src/core/fingerprint.ts', 'src/core/participants.ts', 'src/core/meta.ts'].map(load),
  );
  return /** @type {TrustModules} */ (Object.assign({}, ...mods.map((m) => Object(m))));
}

/**
 * @typedef {object} HistoryModules
 * @property {(fragment: import('yjs').XmlFragment, from: import('yjs').Snapshot, to: import('yjs').Snapshot, authors: { inserter(client: number): string, deleter(id: import('yjs').ID): string }) => unknown[]} diffVersions src/core/versionDiff.ts
 * @property {(diff: unknown[]) => Array<{ by: string, changes: number }>} tallyByAuthor src/core/versionDiff.ts
 * @property {(doc: YDoc, owners: ReadonlyMap<number, string>) => { inserter(client: number): string, deleter(id: import('yjs').ID): string }} versionAuthors src/core/versionAuthors.ts
 * @property {(doc: YDoc, label: string, who: { name: string, organisation: string, organisationKind: string }, signer: Signer, now?: Date) => Promise<{ id: string }>} saveNamedVersion src/core/namedVersions.ts
 * @property {(doc: YDoc) => Promise<Array<{ id: string, snapshot: import('yjs').Snapshot }>>} verifiedNamedVersions src/core/namedVersions.ts
 * @property {(doc: YDoc) => Array<{ id: string }>} readNamedVersions src/core/namedVersions.ts
 */

/** @returns {Promise<HistoryModules>} */
export async function historyModules() {
  const mods = await Promise.all(['src/core/versionDiff.ts', 'src/core/versionAuthors.ts', 'src/core/namedVersions.ts'].map(load));
  return /** @type {HistoryModules} */ (Object.assign({}, ...mods.map((m) => Object(m))));
}
