// What another party's copy lacks of ours, counted as a reader counts it: paragraphs and words of the text (from
// the text of both states, core/versionDiff.ts), and which other parts (meeting details, participants, approvals)
// hold something they have not got. Their state is known only as a state vector: a deletion alone moves no state
// vector, so it is never counted as missing (the copy ledger's limit, docs/FORMAT.md).
import * as Y from 'yjs';
import { changedWords } from './changedWords';
import { APPROVALS, BODY, META, PARTICIPANTS, REOPENINGS } from './docLayout';
import { bodyFragment } from './referatDoc';
import type { StateVector } from './stateVectors';
import { diffVersions, type DiffAuthors, type ElementDiff, type TextDiff } from './versionDiff';
import { storeClients, typeItem } from './yjsInternals';

export interface CopyLag {
  /** They hold every change of this copy. */
  complete: boolean;
  /** Paragraphs (any block with text: agenda titles, decisions, action items …) with text or settings they lack. */
  paragraphs: number;
  /** Words written here that they lack (a word replaced counts once). */
  words: number;
  /** The meeting details (title, date, place …) hold a change they lack. */
  details: boolean;
  participants: boolean;
  /** Approvals or reopenings they lack. */
  approvals: boolean;
}

export const NO_LAG: CopyLag = { complete: true, paragraphs: 0, words: 0, details: false, participants: false, approvals: false };

const NOBODY: DiffAuthors = { inserter: () => '', deleter: () => '' };

/** The name of the top-level type an item lives in, or null. */
function rootName(item: Y.Item, roots: ReadonlyMap<object, string>): string | null {
  let parent = item.parent;
  for (let depth = 0; parent instanceof Y.AbstractType && depth < 1000; depth++) {
    const holder = typeItem(parent);
    if (holder === null) return roots.get(parent) ?? null;
    parent = holder.parent;
  }
  return null;
}

/** The names of the top-level types where this copy holds a visible item the other does not. */
function missingRoots(doc: Y.Doc, theirs: StateVector): Set<string> {
  const roots = new Map<object, string>();
  for (const [name, type] of doc.share) roots.set(type, name);
  const out = new Set<string>();
  for (const [client, structs] of storeClients(doc)) {
    const held = theirs.get(client) ?? 0;
    for (let i = structs.length - 1; i >= 0; i--) {
      const s = structs[i]!;
      if (s.id.clock + s.length <= held) break;
      if (!(s instanceof Y.Item) || s.deleted) continue;
      const name = rootName(s, roots);
      if (name !== null) out.add(name);
    }
  }
  return out;
}

function runText(node: TextDiff, side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'inserted' : 'deleted';
  return node.runs.filter((r) => r.change !== skip).map((r) => r.text).join('');
}

/** Paragraphs and words changed in a body diff: each element holding text is one paragraph. */
function tallyText(diff: ReadonlyArray<ElementDiff | TextDiff>): { paragraphs: number; words: number } {
  let paragraphs = 0;
  let total = 0;
  const block = (nodes: ReadonlyArray<ElementDiff | TextDiff>, change: ElementDiff['change'], attributesChanged: boolean) => {
    const texts = nodes.filter((n): n is TextDiff => n.kind === 'text');
    const before = change === 'inserted' ? '' : texts.map((n) => runText(n, 'before')).join(' ');
    const after = change === 'deleted' ? '' : texts.map((n) => runText(n, 'after')).join(' ');
    const changed = change !== 'same' || attributesChanged || texts.some((n) => n.change !== 'same' || n.runs.some((r) => r.change !== 'same'));
    if (!changed) return;
    paragraphs++;
    total += changedWords(before, after);
  };
  const walk = (nodes: ReadonlyArray<ElementDiff | TextDiff>, inherited: ElementDiff['change']) => {
    for (const node of nodes) {
      if (node.kind !== 'element') continue;
      const change = inherited === 'same' ? node.change : inherited;
      if (node.children.some((c) => c.kind === 'text')) block(node.children, change, node.attributeChanges.length > 0);
      else if (node.children.length === 0 && (change !== 'same' || node.attributeChanges.length > 0)) paragraphs++;
      walk(node.children, change);
    }
  };
  walk(diff, 'same');
  if (diff.some((n) => n.kind === 'text')) block(diff, 'same', false);
  return { paragraphs, words: total };
}

/** What a party holding `theirs` lacks of `doc` (a document that keeps its history, gc off). */
export function copyLag(doc: Y.Doc, theirs: StateVector): CopyLag {
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
  const complete = [...ours].every(([client, clock]) => (theirs.get(client) ?? 0) >= clock);
  if (complete) return NO_LAG;
  const roots = missingRoots(doc, theirs);
  let text = { paragraphs: 0, words: 0 };
  if (roots.has(BODY) && !doc.gc) {
    const now = Y.snapshot(doc);
    // Their state: the items their state vector covers, with this copy's deletions (theirs are unknown).
    const held = Y.createSnapshot(now.ds, new Map(theirs));
    text = tallyText(diffVersions(bodyFragment(doc), held, now, NOBODY));
  }
  return {
    complete: false,
    ...text,
    details: roots.has(META),
    participants: roots.has(PARTICIPANTS),
    approvals: roots.has(APPROVALS) || roots.has(REOPENINGS),
  };
}

/**
 * True when they lack something a reader sees: text, meeting details, participants or approvals. Bookkeeping alone
 * (who wrote what, client claims, series links) travels with the next copy and is not worth a file of its own.
 */
export function lacksVisible(lag: CopyLag): boolean {
  return !lag.complete && (lag.paragraphs > 0 || lag.details || lag.participants || lag.approvals);
}
