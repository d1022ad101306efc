// Keeps the user's edits from changing, copying or moving a placeholder of unknown content (unknownBlock.ts).
// The binding writes a placeholder it sees changed or in a new place as a new Yjs element named "unknownBlock", which
// would replace the original that it stands for; so such a transaction is refused. Deleting a placeholder is allowed.
import type { Node as PMNode, NodeType } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddNodeMarkStep, AttrStep, RemoveNodeMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { isSyncChange } from './yTiptapInternals';

function holds(doc: PMNode, from: number, to: number, type: NodeType): boolean {
  let found = false;
  if (from < to)
    doc.nodesBetween(from, to, (node) => {
      if (node.type === type) found = true;
      return !found && !node.isTextblock;
    });
  return found;
}

function sliceHolds(content: PMNode['content'], type: NodeType): boolean {
  let found = false;
  content.descendants((node) => {
    if (node.type === type) found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

/** Whether `step`, applied to `doc`, would change, copy or move a node of `type`. */
function touches(step: Step, doc: PMNode, type: NodeType): boolean {
  if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) return doc.nodeAt(step.pos)?.type === type;
  if (step instanceof ReplaceAroundStep) return sliceHolds(step.slice.content, type) || holds(doc, step.from, step.to, type);
  if (step instanceof ReplaceStep) {
    if (sliceHolds(step.slice.content, type)) return true;
    // Joining across blocks moves what follows `to` in its blocks into the blocks of `from`.
    const $from = doc.resolve(step.from);
    const $to = doc.resolve(step.to);
    const depth = $from.sharedDepth(step.to);
    return $to.depth > depth && holds(doc, step.to, $to.end(depth + 1), type);
  }
  return false;
}

/** A plugin that refuses local transactions that would change, copy or move a node of `type`. */
export function unknownContentGuard(type: NodeType): Plugin {
  return new Plugin({
    key: new PluginKey('unknownContentGuard'),
    filterTransaction: (tr: Transaction) => {
      // Changes that come from Yjs are how placeholders arrive; they are never refused.
      if (!tr.docChanged || isSyncChange(tr)) return true;
      return !tr.steps.some((step, i) => touches(step, tr.docs[i]!, type));
    },
  });
}
