// A kill campaign: Chromium on one persistent profile is SIGKILLed at seeded random moments while typing, importing
// a `.referat` file or restoring a backup, then started again on the same profile and checked: every keystroke sent
// more than a second before the kill is there, the referat opens, imports are whole or absent, and the library index
// agrees with the documents.
import { seededRandom } from '../../../src/testSupport/seededRandom';
import { ReferatApp } from '../pages/ReferatApp';
import { launchKillableBrowser, type KillableBrowser } from './killableBrowser';
import { indexDisagreements, readStoredLibrary, type StoredLibrary } from './storedLibrary';
import { backupZip, vendorCopies, type VendorCopy } from './vendorCopies';

export type RoundKind = 'typing' | 'import' | 'restore';

export interface RoundRecord {
  round: number;
  kind: RoundKind;
  /** From the first key, or from handing the file to the page, until the SIGKILL. */
  killAfterMs: number;
  /** Typing rounds: keys sent, keys that had to survive (sent > 1 s before the kill), keys found after the restart. */
  sent?: number;
  required?: number;
  kept?: number;
  /** Import and restore rounds: how many of the round's referater were there after the restart. */
  files?: number;
  present?: number;
  ms: number;
}

export interface CampaignOptions {
  appUrl: string;
  profileDir: string;
  rounds: number;
  seed: number;
  log?: (line: string) => void;
}

export interface CampaignReport {
  records: RoundRecord[];
  /** Everything that did not hold, one line each, prefixed with the round. */
  problems: string[];
}

/** Keystrokes must be durable within this long of being sent. */
export const DURABLE_WITHIN_MS = 1000;
const MARKER = 'KILL';
const TYPING_TITLE = 'Skrivetest under nedlukning';
const INDEX_SETTLE_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Which kind each round is: two of five type, one imports, one restores, one types again; order seeded. */
function roundKinds(rounds: number, next: () => number): RoundKind[] {
  const cycle: RoundKind[] = ['typing', 'import', 'typing', 'restore', 'typing'];
  const kinds = Array.from({ length: rounds }, (_, i) => cycle[i % cycle.length] as RoundKind);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as RoundKind, kinds[i] as RoundKind];
  }
  return kinds;
}

/** Polls until the index agrees with the documents (the app repairs it at start), or returns what still disagrees. */
async function settledLibrary(app: ReferatApp): Promise<{ lib: StoredLibrary; problems: string[] }> {
  const until = Date.now() + INDEX_SETTLE_MS;
  for (;;) {
    const lib = await readStoredLibrary(app.page);
    const problems = indexDisagreements(lib);
    if (problems.length === 0 || Date.now() > until) return { lib, problems };
    await sleep(200);
  }
}

/** The text typed after the marker, as the open referat shows it. */
async function markedText(app: ReferatApp): Promise<string> {
  const block = app.editor.locator('p', { hasText: MARKER }).last();
  await block.waitFor();
  const text = (await block.innerText()).trim();
  return text.slice(text.indexOf(MARKER) + MARKER.length);
}

async function openPage(kb: KillableBrowser, appUrl: string): Promise<ReferatApp> {
  const page = kb.context.pages()[0] ?? (await kb.context.newPage());
  return new ReferatApp(page, appUrl);
}

export async function runKillCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const { appUrl, profileDir, rounds, seed } = options;
  const log = options.log ?? (() => undefined);
  const next = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const kinds = roundKinds(rounds, next);
  const vendor = await vendorCopies();
  const problems: string[] = [];
  const records: RoundRecord[] = [];

  // Set-up, not killed: a profile, the referat to type in (its marker paragraph last), and one import whose signer
  // the user confirms, so later imports from the same vendor merge without asking.
  let typingId: string;
  {
    const kb = await launchKillableBrowser(profileDir);
    try {
      const app = await openPage(kb, appUrl);
      await app.goto('/');
      await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
      typingId = await app.createReferat();
      await app.titleField.fill(TYPING_TITLE);
      await app.typeAtEnd('');
      await app.page.keyboard.press('Enter');
      await app.page.keyboard.type(MARKER);
      await app.waitUntilSaved();
      await app.nav('Bibliotek');
      const first = await vendor.copy('Styregruppemøde 0');
      const result = await app.importCopyFile('Importér referat', first);
      if (!result.includes('er føjet til biblioteket')) throw new Error(`set-up import failed: ${result}`);
      // Let the index catch up before the browser closes.
      const settled = await settledLibrary(app);
      if (settled.problems.length > 0) throw new Error(`after set-up the index disagrees: ${settled.problems.join('; ')}`);
    } finally {
      await kb.close();
    }
  }

  let expected = ''; // what the marker paragraph holds, as last seen after a restart
  let last: { kind: RoundKind; typed: string; keys: Array<{ sentAt: number; acked: boolean }>; killedAt: number; copies: VendorCopy[] } | null = null;
  let copyNumber = 1;

  /** Checks the state after a restart against the last round; returns the round's findings. */
  const verify = async (app: ReferatApp, round: number, record: RoundRecord | undefined): Promise<void> => {
    const say = (msg: string) => problems.push(`round ${round} (${last?.kind ?? 'set-up'}, seed ${seed}): ${msg}`);
    await app.goto('/');
    await app.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
    const { lib, problems: disagreements } = await settledLibrary(app);
    for (const d of disagreements) say(d);
    const shown = (await app.libraryTitles()).toSorted();
    const trashed = new Set(lib.trash);
    const indexed = lib.index.filter((r) => !trashed.has(r.id)).map((r) => r.title).toSorted();
    if (JSON.stringify(shown) !== JSON.stringify(indexed)) say(`the library shows ${JSON.stringify(shown)}, the index holds ${JSON.stringify(indexed)}`);

    if (last && last.copies.length > 0 && record) {
      // An import is whole or absent: a referat from the round's files is there with all its text, or not at all.
      let present = 0;
      for (const c of last.copies) {
        const d = lib.documents.find((x) => x.id === c.docId);
        if (!d || d.formatVersion === 0) continue;
        present++;
        if (d.title !== c.title || !d.text.includes(c.lastLine)) say(`referat ${c.docId} is there only in part (title ${JSON.stringify(d.title)}, ${d.entries} entries)`);
      }
      record.files = last.copies.length;
      record.present = present;
      const shownCopy = last.copies.find((c) => lib.documents.some((d) => d.id === c.docId && d.formatVersion > 0));
      if (shownCopy) {
        await app.goto(`/r/${shownCopy.docId}`);
        await app.editor.getByText(shownCopy.lastLine).waitFor();
        const title = await app.titleField.inputValue();
        if (title !== shownCopy.title) say(`the imported referat opens with the title ${JSON.stringify(title)}`);
      }
    }

    await app.goto(`/r/${typingId}`);
    const restored = await markedText(app);
    const stored = lib.documents.find((d) => d.id === typingId);
    if (!stored?.text.includes(MARKER + restored)) say(`the stored text does not hold what the editor shows after ${MARKER}`);
    const prev = last;
    if (prev?.kind === 'typing') {
      const all = expected + prev.typed;
      const required = prev.keys.filter((k) => k.acked && k.sentAt < prev.killedAt - DURABLE_WITHIN_MS).length;
      if (!all.startsWith(restored)) say(`after the restart the text reads ${JSON.stringify(restored.slice(-60))}, not a prefix of what was typed (${JSON.stringify(all.slice(-60))})`);
      if (restored.length < expected.length + required) {
        say(`${expected.length + required - restored.length} keystrokes sent more than ${DURABLE_WITHIN_MS} ms before the kill are missing (${restored.length} of ${all.length} there, ${expected.length + required} required)`);
      }
      if (record) {
        record.sent = prev.keys.length;
        record.required = required;
        record.kept = restored.length - expected.length;
      }
    } else if (restored !== expected) {
      say(`the typed text changed in a round without typing: ${JSON.stringify(restored.slice(-60))} instead of ${JSON.stringify(expected.slice(-60))}`);
    }
    expected = restored;
  };

  for (let round = 1; round <= rounds; round++) {
    const kind = kinds[round - 1] as RoundKind;
    const started = Date.now();
    const kb = await launchKillableBrowser(profileDir);
    const launched = Date.now();
    let verified = launched;
    let record: RoundRecord | undefined;
    try {
      const app = await openPage(kb, appUrl);
      await verify(app, round - 1, records.at(-1));
      verified = Date.now();
      record = { round, kind, killAfterMs: 0, ms: 0 };
      const current = { kind, typed: '', keys: [] as Array<{ sentAt: number; acked: boolean }>, killedAt: 0, copies: [] as VendorCopy[] };
      const typing = { stop: false };
      let action: Promise<unknown> = Promise.resolve();
      if (kind === 'typing') {
        // The editor is open on the typing referat (verify ends there): type at the very end, after the marker.
        await app.editor.locator('p', { hasText: MARKER }).last().click();
        await app.page.keyboard.press('Control+End');
        record.killAfterMs = between(300, 1600);
        // Its own generator: how many keys get typed depends on timing, and must not shift the later rounds' draws.
        const keys = seededRandom(seed * 1009 + round);
        action = (async () => {
          while (!typing.stop) {
            const ch = String.fromCharCode(97 + Math.floor(keys() * 26));
            const key = { sentAt: Date.now(), acked: false };
            current.keys.push(key);
            // Counted as typed once sent: a key in flight at the kill may or may not have reached the page.
            current.typed += ch;
            await app.page.keyboard.press(ch);
            key.acked = true;
            await sleep(Math.floor(keys() * 60));
          }
        })().catch(() => undefined);
      } else if (kind === 'import') {
        await app.goto('/');
        await app.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
        const copy = await vendor.copy(`Styregruppemøde ${copyNumber++}`, between(20, 200));
        current.copies = [copy];
        record.killAfterMs = between(0, 900);
        action = app.page.getByLabel('Importér referat').setInputFiles({ name: copy.name, mimeType: 'application/octet-stream', buffer: copy.bytes }).catch(() => undefined);
      } else {
        await app.navTo('Indstillinger');
        const copies = [];
        for (let i = between(2, 4); i > 0; i--) copies.push(await vendor.copy(`Driftsmøde ${copyNumber++}`, between(20, 200)));
        current.copies = copies;
        record.killAfterMs = between(0, 2000);
        action = app.page.getByLabel('Gendan fra sikkerhedskopi').setInputFiles({ name: 'sikkerhedskopi.zip', mimeType: 'application/zip', buffer: backupZip(copies) }).catch(() => undefined);
      }
      const firing = Date.now();
      await sleep(record.killAfterMs);
      current.killedAt = Date.now();
      typing.stop = true;
      await kb.kill();
      await action;
      record.killAfterMs = current.killedAt - firing;
      last = current;
    } catch (e) {
      await kb.kill();
      throw new Error(`round ${round} (${kind}, seed ${seed}) could not run: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    record.ms = Date.now() - started;
    records.push(record);
    log(`round ${round}/${rounds} ${kind}: killed after ${record.killAfterMs} ms (${record.ms} ms in all: start ${launched - started}, checks ${verified - launched})`);
  }

  // One more start, to check the last round.
  const kb = await launchKillableBrowser(profileDir);
  try {
    await verify(await openPage(kb, appUrl), rounds, records.at(-1));
  } finally {
    await kb.close();
  }
  return { records, problems };
}
