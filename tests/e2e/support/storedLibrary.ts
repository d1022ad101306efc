// What a browser profile holds on disk: every referat document (read from IndexedDB, plus the updates the app kept in
// localStorage when its database refused them, decoded here in Node) and the library index rows, so a test can check
// that the index (a projection) agrees with the documents.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { base64ToBytes } from '../../../src/core/base64';
import { bodyText } from '../../../src/core/bodyText';
import { docFormatVersion } from '../../../src/core/migrateDoc';
import { readMeta } from '../../../src/core/meta';
import { newReferatDoc } from '../../../src/core/referatDoc';
import { applyStoredUpdate } from '../../../src/storage/storedUpdate';

export interface StoredDocument {
  id: string;
  /** 0 for a database with no referat in it (created, nothing written yet). */
  formatVersion: number;
  title: string;
  text: string;
  entries: number;
  /** Updates kept outside the database (storage/unsavedUpdates.ts), written back when the referat is next opened. */
  kept: number;
}

export interface StoredLibrary {
  documents: StoredDocument[];
  /** The library index rows (table `referater`): id and title. */
  index: Array<{ id: string; title: string }>;
  trash: string[];
}

/** An entry of `updates` in base64 (a JSON array of numbers would be four times the size to carry out of the page). */
type RawEntry = { v1: string } | { v2: string };

/** Reads every `referat-doc-*` database and the `referat-library` index in the page (no app code involved). */
async function readRaw(
  page: Page,
): Promise<{ docs: Array<{ id: string; entries: RawEntry[] }>; kept: Array<{ db: string; base64: string }>; index: Array<{ id: string; title: string }>; trash: string[] }> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error(`cannot open ${name}`));
      });
    const getAll = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) {
          resolve([]);
          return;
        }
        const r = db.transaction(store, 'readonly').objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as unknown[]);
        r.onerror = () => reject(r.error ?? new Error(`cannot read ${store}`));
      });
    const base64 = (bytes: Uint8Array) => {
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    };
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const docs: Array<{ id: string; entries: Array<{ v1: string } | { v2: string }> }> = [];
    for (const name of names.filter((n) => n.startsWith('referat-doc-'))) {
      const db = await open(name);
      try {
        const values = await getAll(db, 'updates');
        docs.push({
          id: name.slice('referat-doc-'.length),
          entries: values.map((v) => (v instanceof Uint8Array ? { v1: base64(v) } : { v2: base64((v as { v2: Uint8Array }).v2) })),
        });
      } finally {
        db.close();
      }
    }
    let index: Array<{ id: string; title: string }> = [];
    let trash: string[] = [];
    if (names.includes('referat-library')) {
      const db = await open('referat-library');
      try {
        index = (await getAll(db, 'referater')).map((r) => ({ id: String((r as { id: unknown }).id), title: String((r as { title: unknown }).title) }));
        trash = (await getAll(db, 'trash')).map((r) => String((r as { id: unknown }).id));
      } finally {
        db.close();
      }
    }
    // storage/unsavedUpdates.ts: `referat-unsaved:<database>:<writer>` → one V2 update in base64.
    const kept: Array<{ db: string; base64: string }> = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (!key.startsWith('referat-unsaved:')) continue;
      kept.push({ db: key.slice('referat-unsaved:'.length, key.lastIndexOf(':')), base64: localStorage.getItem(key) ?? '' });
    }
    return { docs, kept, index, trash };
  });
}

/** Every referat on the page's origin, decoded, with the library index rows beside them. */
export async function readStoredLibrary(page: Page): Promise<StoredLibrary> {
  const raw = await readRaw(page);
  const documents = raw.docs.map(({ id, entries }) => {
    const doc = newReferatDoc();
    try {
      const decode = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
      for (const e of entries) applyStoredUpdate(doc, 'v1' in e ? decode(e.v1) : { v2: decode(e.v2) });
      const kept = raw.kept.filter((k) => k.db === `referat-doc-${id}`);
      for (const k of kept) {
        const bytes = base64ToBytes(k.base64);
        if (!bytes) throw new Error(`kept updates of ${id} are not base64`);
        Y.applyUpdateV2(doc, bytes);
      }
      return { id, formatVersion: docFormatVersion(doc), title: readMeta(doc).title, text: bodyText(doc), entries: entries.length, kept: kept.length };
    } finally {
      doc.destroy();
    }
  });
  return { documents, index: raw.index, trash: raw.trash };
}

/**
 * Where the index disagrees with the documents, one line each (empty when they agree): a referat with no row, a row
 * with no referat (or only an empty database), a row whose title is not the document's.
 */
export function indexDisagreements(lib: StoredLibrary): string[] {
  const problems: string[] = [];
  const real = new Map(lib.documents.filter((d) => d.formatVersion > 0).map((d) => [d.id, d]));
  const rows = new Map(lib.index.map((r) => [r.id, r]));
  for (const d of real.values()) {
    const row = rows.get(d.id);
    if (!row) problems.push(`document ${d.id} (${JSON.stringify(d.title)}) has no index row`);
    else if (row.title !== d.title) problems.push(`index row ${d.id} says ${JSON.stringify(row.title)}, the document ${JSON.stringify(d.title)}`);
  }
  for (const r of rows.values()) {
    if (!real.has(r.id)) problems.push(`index row ${r.id} (${JSON.stringify(r.title)}) has no referat behind it`);
  }
  return problems;
}
