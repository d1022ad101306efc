// Restores a version of a referat's body as one new edit on top of the current text: what was added since is
// deleted, what was deleted since is written again, changed fields are set back. Nothing of the history is lost, the
// restore is itself in the history, and it merges with concurrent edits like any other edit.
import * as Y from 'yjs';
import { diffVersions, type ElementDiff, type TextDiff, type TextRun } from './versionDiff';

/** The origin of the transaction a restore writes in. */
export const RESTORE_ORIGIN = Symbol('restoreVersion');

const NOBODY = { inserter: () => '', deleter: () => '' };

function insertRuns(text: Y.XmlText, at: number, runs: readonly TextRun[]): number {
  let index = at;
  for (const run of runs) {
    if (run.embed !== undefined) text.insertEmbed(index, run.embed, run.attributes ?? {});
    else text.insert(index, run.text, run.attributes ?? {});
    index += run.text.length;
  }
  return index;
}

/** A new Y type holding what `node` held in the version (its change is `inserted`: present there, absent now). */
function rebuilt(node: ElementDiff | TextDiff): Y.XmlElement | Y.XmlText {
  if (node.kind === 'text') {
    // Yjs keeps the edits of a type not yet in the document and applies them when it is inserted.
    const text = new Y.XmlText();
    insertRuns(text, 0, node.runs.filter((r) => r.change !== 'deleted'));
    return text;
  }
  const el = new Y.XmlElement(node.nodeName);
  for (const [k, v] of Object.entries(node.attributes)) el.setAttribute(k, v as string);
  el.insert(0, node.children.filter((c) => c.change !== 'deleted').map(rebuilt));
  return el;
}

function restoreText(text: Y.XmlText, node: TextDiff): void {
  let index = 0;
  for (const run of node.runs) {
    const length = run.text.length;
    if (run.change === 'same') index += length;
    else if (run.change === 'deleted') text.delete(index, length);
    else index = insertRuns(text, index, [run]);
  }
}

function restoreChildren(parent: Y.XmlFragment | Y.XmlElement, children: ReadonlyArray<ElementDiff | TextDiff>): void {
  let index = 0;
  for (const node of children) {
    if (node.change === 'deleted') {
      parent.delete(index, 1);
      continue;
    }
    if (node.change === 'inserted') {
      parent.insert(index, [rebuilt(node)]);
      index++;
      continue;
    }
    const current = parent.get(index);
    index++;
    if (node.kind === 'text') {
      if (current instanceof Y.XmlText) restoreText(current, node);
      continue;
    }
    if (!(current instanceof Y.XmlElement)) continue;
    for (const change of node.attributeChanges) {
      // `after` is the version's value: the diff runs from now to the version.
      if (change.after === undefined) current.removeAttribute(change.name);
      else current.setAttribute(change.name, change.after as string);
    }
    restoreChildren(current, node.children);
  }
}

/**
 * Makes `fragment` hold what it held at `version` again, as one transaction by `RESTORE_ORIGIN`. The document must keep
 * its history (gc off) and hold everything the snapshot refers to (versionDiff.ts: snapshotCovered).
 */
export function restoreVersion(fragment: Y.XmlFragment, version: Y.Snapshot): void {
  const doc = fragment.doc;
  if (!doc) throw new RangeError('The fragment is not part of a document');
  doc.transact(() => {
    const diff = diffVersions(fragment, Y.snapshot(doc), version, NOBODY);
    restoreChildren(fragment, diff);
  }, RESTORE_ORIGIN);
}
