// y-prosemirror's map from Yjs types to ProseMirror nodes, which also answers the other way round (see README.md).
import type { Node as PMNode } from '@tiptap/pm/model';
import type { ProsemirrorBinding } from '@tiptap/y-tiptap';

/** y-prosemirror's key type (any Yjs type). */
type YType = Parameters<ProsemirrorBinding['mapping']['get']>[0];
type Mapped = PMNode | PMNode[];
/** A node written for more than one Yjs type: its type cannot be told from the node. */
const SHARED = Symbol('shared');

export class BindingMapping extends Map<YType, Mapped> {
  private types = new WeakMap<PMNode, YType | typeof SHARED>();
  private keepAll = false;

  static from(entries: Iterable<[YType, Mapped]>): BindingMapping {
    const mapping = new BindingMapping();
    for (const [type, node] of entries) mapping.set(type, node);
    return mapping;
  }

  override set(type: YType, node: Mapped): this {
    super.set(type, node);
    if (!Array.isArray(node)) {
      const known = this.types.get(node);
      this.types.set(node, known === undefined || known === type ? type : SHARED);
    }
    return this;
  }

  override clear(): void {
    if (this.keepAll) return;
    super.clear();
    this.types = new WeakMap();
  }

  /**
   * Runs `fn` with `clear()` ignored. For a peer's change, Tiptap's y-prosemirror empties the whole map and so
   * rebuilds every node of the document; the entries of the types that changed are deleted one by one beforehand.
   */
  keepingEntries<T>(fn: () => T): T {
    this.keepAll = true;
    try {
      return fn();
    } finally {
      this.keepAll = false;
    }
  }

  /** The Yjs type that `node` is written in now, if exactly one ever was. */
  typeOf(node: PMNode): YType | null {
    const type = this.types.get(node);
    return type === undefined || type === SHARED || super.get(type) !== node ? null : type;
  }
}
