// The changes between two versions of a referat's body (two Yjs snapshots of one document with gc off): every block,
// every run of text and every attribute, marked as kept, inserted or deleted, with who inserted or deleted it.
// Reads only: nothing is written to the document (Yjs splits items at the snapshots' edges; no update is emitted).
import * as Y from 'yjs';
import { firstItem, keyItems } from './yjsInternals';

export type Change = 'same' | 'inserted' | 'deleted';

/** Who made a change, as the caller resolves it (versionAuthors.ts: a verified key, or an unverified name). */
export interface DiffAuthors {
  /** The author of items written by Yjs client `client`. */
  inserter(client: number): string;
  /** The author of the deletion of the item with id `id`. */
  deleter(id: Y.ID): string;
}

export interface TextRun {
  /** The run's characters; an embed counts as one (EMBED), its value in `embed`. */
  text: string;
  change: Change;
  /** The author of the insertion (inserted) or of the deletion (deleted); null for text kept unchanged. */
  by: string | null;
  /** Its formatting (marks) as Yjs holds it; absent when it has none. */
  attributes?: Record<string, unknown>;
  /** The embedded value of a one-character embed run. */
  embed?: object;
}

export interface AttributeChange {
  name: string;
  before: unknown;
  after: unknown;
  /** The author of the value it has now (or of its removal). */
  by: string;
}

export interface TextDiff {
  kind: 'text';
  change: Change;
  by: string | null;
  runs: TextRun[];
}

export interface ElementDiff {
  kind: 'element';
  nodeName: string;
  change: Change;
  by: string | null;
  /** The element's attributes in the later version (the earlier one for a deleted element). */
  attributes: Record<string, unknown>;
  /** Attributes whose value differs between the versions; only for an element kept in both. */
  attributeChanges: AttributeChange[];
  children: Array<ElementDiff | TextDiff>;
}

/** The character an embed is shown as in a text run. */
export const EMBED = '\uFFFC';

function visible(item: Y.Item, snapshot: Y.Snapshot): boolean {
  return (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);
}

function changeOf(item: Y.Item, from: Y.Snapshot, to: Y.Snapshot, authors: DiffAuthors): { change: Change; by: string | null } | null {
  const before = visible(item, from);
  const after = visible(item, to);
  if (before && after) return { change: 'same', by: null };
  if (after) return { change: 'inserted', by: authors.inserter(item.id.client) };
  if (before) return { change: 'deleted', by: authors.deleter(item.id) };
  return null;
}

/** The runs of one Y.XmlText: Yjs's own snapshot delta, with its `ychange` marks turned into changes and authors. */
function textRuns(text: Y.XmlText, from: Y.Snapshot, to: Y.Snapshot, authors: DiffAuthors): TextRun[] {
  type YChange = { type: 'added' | 'removed'; id: Y.ID };
  const delta = text.toDelta(to, from, (type: 'added' | 'removed', id: Y.ID): YChange => ({ type, id })) as Array<{
    insert: unknown;
    attributes?: { ychange?: YChange };
  }>;
  const runs: TextRun[] = [];
  for (const op of delta) {
    const embed = typeof op.insert === 'string' ? undefined : (op.insert as object);
    const ychange = op.attributes?.ychange;
    const change: Change = ychange?.type === 'added' ? 'inserted' : ychange?.type === 'removed' ? 'deleted' : 'same';
    const by = !ychange ? null : ychange.type === 'added' ? authors.inserter(ychange.id.client) : authors.deleter(ychange.id);
    const { ychange: _ignored, ...marks } = op.attributes ?? {};
    const attributes = Object.keys(marks).length > 0 ? marks : undefined;
    const last = runs.at(-1);
    if (embed === undefined && last && last.embed === undefined && last.change === change && last.by === by && JSON.stringify(last.attributes) === JSON.stringify(attributes)) {
      last.text += op.insert as string;
      continue;
    }
    runs.push({ text: embed === undefined ? (op.insert as string) : EMBED, change, by, ...(attributes ? { attributes } : {}), ...(embed ? { embed } : {}) });
  }
  return runs;
}

/** The map entry of `key` that holds its value in `snapshot`, or null (the key is absent there). */
function entryAt(el: Y.XmlElement, key: string, snapshot: Y.Snapshot): Y.Item | null {
  for (let item = keyItems(el).get(key) ?? null; item !== null; item = item.left) {
    if (visible(item, snapshot)) return item;
  }
  return null;
}

function attributeChanges(el: Y.XmlElement, from: Y.Snapshot, to: Y.Snapshot, authors: DiffAuthors): AttributeChange[] {
  const before = el.getAttributes(from) as Record<string, unknown>;
  const after = el.getAttributes(to) as Record<string, unknown>;
  const out: AttributeChange[] = [];
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].toSorted()) {
    if (JSON.stringify(before[name]) === JSON.stringify(after[name])) continue;
    const now = entryAt(el, name, to);
    const was = entryAt(el, name, from);
    const by = now ? authors.inserter(now.id.client) : was ? authors.deleter(was.id) : '';
    out.push({ name, before: before[name], after: after[name], by });
  }
  return out;
}

function childrenDiff(parent: Y.XmlFragment | Y.XmlElement, from: Y.Snapshot, to: Y.Snapshot, authors: DiffAuthors): Array<ElementDiff | TextDiff> {
  const out: Array<ElementDiff | TextDiff> = [];
  for (let item = firstItem(parent); item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue;
    const mark = changeOf(item, from, to, authors);
    if (!mark) continue;
    const type = item.content.type;
    if (type instanceof Y.XmlText) {
      out.push({ kind: 'text', ...mark, runs: textRuns(type, from, to, authors) });
    } else if (type instanceof Y.XmlElement) {
      const at = mark.change === 'deleted' ? from : to;
      out.push({
        kind: 'element',
        nodeName: type.nodeName,
        ...mark,
        attributes: type.getAttributes(at) as Record<string, unknown>,
        attributeChanges: mark.change === 'same' ? attributeChanges(type, from, to, authors) : [],
        children: childrenDiff(type, from, to, authors),
      });
    }
  }
  return out;
}

/**
 * The changes from snapshot `from` to snapshot `to` of `fragment` (a referat's `body`). The document must keep its
 * history (gc off) and hold both snapshots (`snapshotCovered`); earlier and later may be given either way round.
 */
export function diffVersions(fragment: Y.XmlFragment, from: Y.Snapshot, to: Y.Snapshot, authors: DiffAuthors): Array<ElementDiff | TextDiff> {
  const doc = fragment.doc;
  if (!doc) throw new RangeError('The fragment is not part of a document');
  if (doc.gc) throw new RangeError('Versions can only be compared in a document that keeps its history (gc off)');
  let out: Array<ElementDiff | TextDiff> = [];
  // Yjs splits items at the snapshots' edges inside a transaction; the origin marks it as a read, not an edit.
  doc.transact(() => {
    out = childrenDiff(fragment, from, to, authors);
  }, DIFF_ORIGIN);
  return out;
}

/** The origin of the transaction diffVersions reads in; it changes no content. */
export const DIFF_ORIGIN = Symbol('versionDiff');

/** True when this document holds everything `snapshot` refers to (a partial copy may not). */
export function snapshotCovered(doc: Y.Doc, snapshot: Y.Snapshot): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of snapshot.sv) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

/** What each author changed between the versions: characters inserted and deleted, blocks added and removed, fields changed. */
export interface AuthorTally {
  by: string;
  /** Changes as a reader counts them: each run of inserted or deleted text, each block added or removed, each field. */
  changes: number;
  inserted: number;
  deleted: number;
  blocksInserted: number;
  blocksDeleted: number;
  fieldsChanged: number;
}

export function tallyByAuthor(diff: ReadonlyArray<ElementDiff | TextDiff>): AuthorTally[] {
  const tallies = new Map<string, AuthorTally>();
  const of = (by: string) => {
    let t = tallies.get(by);
    if (!t) tallies.set(by, (t = { by, changes: 0, inserted: 0, deleted: 0, blocksInserted: 0, blocksDeleted: 0, fieldsChanged: 0 }));
    return t;
  };
  const walk = (nodes: ReadonlyArray<ElementDiff | TextDiff>, insideChanged: boolean) => {
    for (const node of nodes) {
      // A block added or removed whole is one change; its text is counted in characters, not again in changes.
      const whole = node.change !== 'same' && !insideChanged;
      if (node.kind === 'element' && node.by !== null && whole) {
        if (node.change === 'inserted') of(node.by).blocksInserted++;
        if (node.change === 'deleted') of(node.by).blocksDeleted++;
        of(node.by).changes++;
      }
      if (node.kind === 'text') {
        if (node.by !== null && whole) of(node.by).changes++;
        for (const run of node.runs) {
          if (run.by === null) continue;
          if (run.change === 'inserted') of(run.by).inserted += [...run.text].length;
          if (run.change === 'deleted') of(run.by).deleted += [...run.text].length;
          if (!whole && !insideChanged) of(run.by).changes++;
        }
      } else {
        for (const a of node.attributeChanges) {
          of(a.by).fieldsChanged++;
          of(a.by).changes++;
        }
        walk(node.children, insideChanged || node.change !== 'same');
      }
    }
  };
  walk(diff, false);
  return [...tallies.values()].toSorted((a, b) => b.inserted + b.deleted - (a.inserted + a.deleted) || a.by.localeCompare(b.by));
}
