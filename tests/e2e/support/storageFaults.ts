// Injected IndexedDB faults for browser tests: a seeded plan makes readwrite transactions on chosen databases fail as a
// full disk (QuotaExceededError), an aborted transaction or a closed connection would, without changing the app.
import type { BrowserContext, Page } from 'playwright-core';

export type FaultKind =
  /** `transaction()` throws QuotaExceededError. */
  | 'quota'
  /** The transaction is aborted right after its requests are queued (AbortError). */
  | 'abort'
  /** The transaction's first `add`/`put` throws QuotaExceededError. */
  | 'putQuota'
  /** The connection is closed under the app, so this and every later transaction on it throws InvalidStateError. */
  | 'close';

export interface FaultPlan {
  seed: number;
  /** Chance that a readwrite transaction on a matching database fails (ignored where `pattern` decides). */
  rate: number;
  kinds: FaultKind[];
  /** Prefixes of database names the plan applies to, e.g. `referat-doc-` or `referat-library`. */
  databases: string[];
  /** The first matching transactions' fates, in order (true = fail); after it runs out, `rate` decides. */
  pattern?: boolean[];
}

export interface InjectedFault {
  kind: FaultKind;
  database: string;
  /** Which matching readwrite transaction it was (1-based). */
  nth: number;
}

interface FaultWindow {
  __referatFaults: { start(plan: FaultPlan): void; stop(): InjectedFault[]; injected(): InjectedFault[]; alerts(): string[] };
}

/** The init script: wraps IDBDatabase.prototype.transaction and IDBObjectStore add/put; idle until started. */
function faultInjector(): void {
  let plan: FaultPlan | null = null;
  let random = () => 1;
  let nth = 0;
  const injected: InjectedFault[] = [];
  const failFirstWrite = new WeakSet<IDBTransaction>();
  const alerts: string[] = [];
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function wrapped(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const p = plan;
    if (!p || args[1] !== 'readwrite' || !p.databases.some((prefix) => this.name.startsWith(prefix))) return transaction.apply(this, args);
    nth++;
    const fated = p.pattern?.[nth - 1];
    const fail = fated ?? random() < p.rate;
    if (!fail) return transaction.apply(this, args);
    const kind = p.kinds[Math.floor(random() * p.kinds.length)] ?? 'quota';
    injected.push({ kind, database: this.name, nth });
    if (kind === 'quota') throw quota();
    if (kind === 'close') {
      this.close();
      return transaction.apply(this, args);
    }
    const tx = transaction.apply(this, args);
    if (kind === 'abort') {
      queueMicrotask(() => {
        try {
          tx.abort();
        } catch {
          // Already finished: then it was no fault after all.
        }
      });
    } else failFirstWrite.add(tx);
    return tx;
  } as IDBDatabase['transaction'];

  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function wrapped(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (failFirstWrite.has(this.transaction)) {
        failFirstWrite.delete(this.transaction);
        throw quota();
      }
      return original.apply(this, args);
    } as IDBObjectStore['add'];
  }

  // Every alert the page shows, as it appears (a save failure may be retried away before a test looks).
  const seen = new WeakSet<Element>();
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('[role="alert"]')) {
      const text = el.textContent ?? '';
      if (!seen.has(el) && text.trim() !== '') {
        seen.add(el);
        alerts.push(text);
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });

  (window as unknown as FaultWindow).__referatFaults = {
    start(next) {
      plan = next;
      nth = 0;
      let s = next.seed >>> 0;
      random = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    },
    stop() {
      plan = null;
      return injected.slice();
    },
    injected: () => injected.slice(),
    alerts: () => alerts.slice(),
  };
}

/** Adds the injector to every page of the context; it does nothing until startFaults. A reload starts without faults. */
export async function installFaultInjector(context: BrowserContext): Promise<void> {
  await context.addInitScript(faultInjector);
}

export async function startFaults(page: Page, plan: FaultPlan): Promise<void> {
  await page.evaluate((p) => (window as unknown as FaultWindow).__referatFaults.start(p), plan);
}

/** Stops injecting; returns every fault injected on this page so far. */
export function stopFaults(page: Page): Promise<InjectedFault[]> {
  return page.evaluate(() => (window as unknown as FaultWindow).__referatFaults.stop());
}

export function injectedFaults(page: Page): Promise<InjectedFault[]> {
  return page.evaluate(() => (window as unknown as FaultWindow).__referatFaults.injected());
}

/** The text of every alert the page has shown since it loaded. */
export function shownAlerts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as FaultWindow).__referatFaults.alerts());
}
