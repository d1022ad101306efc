// One random edit of a minutes body (typing, a new or deleted paragraph, an attribute change), for binding tests.
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';

/** The document after one random edit; only paragraphs directly in the body or in an agenda item are touched. */
export function randomBodyEdit(schema: Schema, doc: PMNode, random: () => number, round: number): PMNode {
  const n = schema.nodes;
  const tr = EditorState.create({ doc, selection: TextSelection.atStart(doc) }).tr;
  const blocks: number[] = [];
  const items: number[] = [];
  doc.descendants((node, pos, parent) => {
    if (node.type === n.paragraph && (parent === doc || parent?.type === n.agendaItem)) blocks.push(pos);
    if (node.type === n.agendaItem) items.push(pos);
    return true;
  });
  const at = blocks[Math.floor(random() * blocks.length)]!;
  const choice = random();
  if (choice < 0.5) tr.insertText(random() < 0.5 ? 'æø' : ' å', at + 1);
  else if (choice < 0.7) tr.insert(at, n.paragraph!.create(null, schema.text(`ny ${round}`)));
  else if (choice < 0.85 && blocks.length > 3) tr.delete(at, at + doc.nodeAt(at)!.nodeSize);
  else if (items.length > 0) {
    const item = items[Math.floor(random() * items.length)]!;
    tr.setNodeMarkup(item, undefined, { ...doc.nodeAt(item)!.attrs, caseNumber: `24-${round}` });
    if (random() < 0.5) tr.insertText('x', at + 1);
  }
  return tr.doc;
}
