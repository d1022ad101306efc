// Page model for invitation links (/join: the question before joining) and for who is in a live room (proven or
// not), plus what the device stored: its live rooms and copy-ledger rows, read from the library database.
import type { Locator, Page } from 'playwright-core';
import type { ReferatApp } from './ReferatApp';

export interface StoredRoom {
  docId: string;
  roomId: string;
  secret: string;
}

export interface PresentPeer {
  name: string;
  organisation: string;
  /** none | checking | proven | failed (LivePanel's data-proof). */
  proof: string;
  /** The visible text of the peer's entry. */
  text: string;
}

/** Reads every row of one store of the library database (`referat-library`), as another program would. */
function libraryRows(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('referat-library');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      if (!db.objectStoreNames.contains(name)) return [];
      const request = db.transaction(name, 'readonly').objectStore(name).getAll();
      return await new Promise<unknown[]>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

export class JoinPageModel {
  readonly app: ReferatApp;

  constructor(app: ReferatApp) {
    this.app = app;
  }

  get page(): Page {
    return this.app.page;
  }

  /** Opens an invitation link and waits until the page has asked, refused it, or opened the referat. */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.question.or(this.page.getByRole('alert')).or(this.page.locator('.page.referat')).first().waitFor();
  }

  /** The question shown before anything changes: what the referat is, what is shared with whom. */
  get question(): Locator {
    return this.page.getByTestId('join-question');
  }

  async questionText(): Promise<string> {
    return (await this.question.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** What the question says about a series this device already shares in the same room; '' when nothing. */
  async seriesText(): Promise<string> {
    const line = this.question.getByTestId('join-series');
    return (await line.count()) === 0 ? '' : (await line.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** "Deltag": stores the room and opens the referat. */
  async accept(docId: string): Promise<void> {
    await this.question.getByRole('button', { name: 'Deltag', exact: true }).click();
    await this.page.waitForURL(`**/r/${docId}`);
  }

  /** "Annullér": nothing changes; waits for the page to say so. */
  async cancel(): Promise<void> {
    await this.question.getByRole('button', { name: 'Annullér', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: 'Invitationen er afvist. Intet er gemt eller ændret.' }).waitFor();
  }

  /** The live rooms this device keeps, one per referat. */
  async storedRooms(): Promise<StoredRoom[]> {
    const rows = (await libraryRows(this.page, 'liveRooms')) as StoredRoom[];
    return rows.map((r) => ({ docId: r.docId, roomId: r.roomId, secret: r.secret }));
  }

  async storedRoom(docId: string): Promise<StoredRoom | null> {
    return (await this.storedRooms()).find((r) => r.docId === docId) ?? null;
  }

  /** Rewrites the expiry of the room kept for a referat, as the clock passing it would leave it. */
  async setStoredRoomExpiry(docId: string, expiresAt: number): Promise<void> {
    await this.page.evaluate(async ([id, at]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('referat-library');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        const store = db.transaction('liveRooms', 'readwrite').objectStore('liveRooms');
        const row = await new Promise<Record<string, unknown>>((resolve, reject) => {
          const g = store.get(id as string);
          g.onsuccess = () => resolve(g.result as Record<string, unknown>);
          g.onerror = () => reject(g.error);
        });
        await new Promise((resolve, reject) => {
          const p = store.put({ ...row, expiresAt: at });
          p.onsuccess = () => resolve(undefined);
          p.onerror = () => reject(p.error);
        });
      } finally {
        db.close();
      }
    }, [docId, expiresAt] as const);
  }

  /** The copy-ledger rows of a referat: which parties, by fingerprint and the name they were recorded with. */
  async ledgerParties(docId: string): Promise<Array<{ partyId: string; name: string }>> {
    const rows = (await libraryRows(this.page, 'ledger')) as Array<{ docId: string; partyId: string; name: string }>;
    return rows.filter((r) => r.docId === docId).map((r) => ({ partyId: r.partyId, name: r.name }));
  }

  /** The others present in the live room, as the live panel lists them. */
  async peers(): Promise<PresentPeer[]> {
    return this.page.locator('[data-testid="presence-peer"]').evaluateAll((items) =>
      items.map((li) => ({
        name: (li as HTMLElement).dataset.name ?? '',
        organisation: (li as HTMLElement).dataset.organisation ?? '',
        proof: (li as HTMLElement).dataset.proof ?? '',
        text: (li.textContent ?? '').replace(/●/g, '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** This device's public key as stored with its signing key (settings row `identityKeys`). */
  async ownPublicKey(): Promise<JsonWebKey> {
    const rows = (await libraryRows(this.page, 'settings')) as Array<{ key: string; value: { publicKey: JsonWebKey } }>;
    const row = rows.find((r) => r.key === 'identityKeys');
    if (!row) throw new Error('no identity key on this device yet');
    return row.value.publicKey;
  }

  /**
   * Records a key as confirmed in person in this device's Kendte nøgler, as Settings does, and reloads so the app
   * reads it (a write from outside Dexie is not observed live).
   */
  async confirmKey(key: { fingerprint: string; name: string; organisation: string; organisationKind: string }): Promise<void> {
    await this.page.evaluate(async (row) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('referat-library');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        const tx = db.transaction('knownKeys', 'readwrite');
        tx.objectStore('knownKeys').put({ ...row, confirmedBy: 'inPerson', confirmedAt: new Date().toISOString() });
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    }, key);
    await this.page.reload();
  }

  /**
   * A lying device: keeps its own private key but stores another party's public key as its own, so it announces
   * that party's fingerprint and key and signs with a key that is not theirs. Reloads so the app reads it.
   */
  async pretendToHoldKey(publicKey: JsonWebKey): Promise<void> {
    await this.page.evaluate(async (fake) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('referat-library');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        const store = db.transaction('settings', 'readwrite').objectStore('settings');
        await new Promise<void>((resolve, reject) => {
          const get = store.get('identityKeys');
          get.onsuccess = () => {
            const row = get.result as { key: string; value: { publicKey: JsonWebKey } };
            const put = store.put({ ...row, value: { ...row.value, publicKey: fake } });
            put.onsuccess = () => resolve();
            put.onerror = () => reject(put.error);
          };
          get.onerror = () => reject(get.error);
        });
      } finally {
        db.close();
      }
    }, publicKey);
    await this.page.reload();
  }
}
