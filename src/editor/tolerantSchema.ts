// While the binding reads Yjs, content the schema does not know becomes a placeholder instead of an error.
// y-prosemirror turns Yjs into ProseMirror with `schema.node`, `schema.text` and `schema.mark`, and when one of them
// throws it DELETES the Yjs element or text it was reading, and the deletion syncs to every copy. Here those three
// are wrapped on the editor's schema for the duration of a read: nothing throws, nothing is deleted.
import { Fragment, type Mark, type Node as PMNode, type NodeType, type Schema } from '@tiptap/pm/model';
import { UNKNOWN_BLOCK, UNKNOWN_MARK } from './unknownContent';

/** The character a text embed is shown as inside its placeholder's text. */
const EMBED = '\uFFFC';
const reading = new WeakSet<Schema>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether Yjs attributes hold a key the type does not declare (ProseMirror would drop it, the binding then delete it). */
function hasUnknownKey(declared: Record<string, unknown>, attrs: unknown): boolean {
  if (attrs === null || attrs === undefined) return false;
  if (!isPlainObject(attrs)) return true;
  return Object.keys(attrs).some((key) => key !== 'ychange' && !Object.prototype.hasOwnProperty.call(declared, key));
}

function plainText(content: Fragment): string {
  return content.textBetween(0, content.size, ' ', (leaf: PMNode) => {
    const text: unknown = leaf.attrs.text;
    return typeof text === 'string' ? text : '';
  });
}

/**
 * Runs `read` (a y-prosemirror conversion of Yjs into `schema`) with the schema made tolerant: an unknown node name,
 * attribute, mark or mark value, an embed, or content the schema refuses, makes its block an `unknownBlock` that
 * shows the block's text under a label. Calls nest.
 */
export function readingYjs<T>(schema: Schema, read: () => T): T {
  if (reading.has(schema)) return read();
  const unknownBlock = schema.nodes[UNKNOWN_BLOCK];
  const unknownMark = schema.marks[UNKNOWN_MARK];
  if (!unknownBlock || !unknownMark) return read();
  const own = { node: schema.node, text: schema.text, mark: schema.mark };
  const isUnknownText = (child: PMNode) => child.isText && unknownMark.isInSet(child.marks) !== undefined;
  const placeholder = (name: string, content: Fragment) => unknownBlock.create({ nodeName: name, text: plainText(content) });

  schema.mark = function (this: Schema, type: string | Parameters<Schema['mark']>[0], attrs?: Record<string, unknown> | null): Mark {
    const markType = typeof type === 'string' ? this.marks[type] : type;
    if (!markType || markType === unknownMark || hasUnknownKey(markType.spec.attrs ?? {}, attrs)) return unknownMark.create();
    try {
      return own.mark.call(this, markType, attrs);
    } catch {
      return unknownMark.create();
    }
  };
  schema.text = function (this: Schema, text: string, marks?: readonly Mark[] | null): PMNode {
    if (typeof text === 'string' && text !== '') return own.text.call(this, text, marks);
    return own.text.call(this, EMBED, [...(marks ?? []), unknownMark.create()]);
  };
  schema.node = function (this: Schema, type: string | NodeType, attrs?: Record<string, unknown> | null, content?: Parameters<Schema['node']>[2], marks?: readonly Mark[]): PMNode {
    const nodeType = typeof type === 'string' ? this.nodes[type] : type;
    const name = typeof type === 'string' ? type : type.name;
    const children = Fragment.from(content as Parameters<typeof Fragment.from>[0]);
    let unknown = !nodeType || hasUnknownKey(nodeType.spec.attrs ?? {}, attrs);
    children.forEach((child) => {
      if (isUnknownText(child)) unknown = true;
    });
    if (!unknown && nodeType) {
      try {
        return own.node.call(this, nodeType, attrs, children, marks);
      } catch {
        // Content or attributes the schema refuses: shown as a placeholder too.
      }
    }
    return placeholder(name, children);
  };
  reading.add(schema);
  try {
    return read();
  } finally {
    reading.delete(schema);
    schema.mark = own.mark;
    schema.text = own.text;
    schema.node = own.node;
  }
}
