// The first part of a version diff, in reading order, within a budget of characters: what a long comparison shows in
// its first frame while the rest follows (ui/components/VersionBody.tsx).
import type { ElementDiff, TextDiff, TextRun } from './versionDiff';

type Node = ElementDiff | TextDiff;

/** What a run or a block costs at least, so thousands of tiny runs still fill the budget. */
const MIN_COST = 24;

export interface DiffPrefix {
  nodes: Node[];
  /** Everything fitted: the prefix is the whole diff (the same array). */
  complete: boolean;
}

/**
 * The nodes and runs that fit in `budget` characters, depth first; the run or block that crosses the limit is kept
 * whole. Unchanged subtrees are returned as they are (same objects), so a renderer can keep what it drew.
 */
export function diffPrefix(nodes: Node[], budget: number): DiffPrefix {
  let left = budget;
  const cut = (list: Node[]): Node[] => {
    const out: Node[] = [];
    for (const node of list) {
      if (left <= 0) break;
      if (node.kind === 'text') {
        const runs: TextRun[] = [];
        for (const run of node.runs) {
          if (left <= 0) break;
          runs.push(run);
          left -= Math.max(MIN_COST, run.text.length);
        }
        out.push(runs.length === node.runs.length ? node : { ...node, runs });
      } else {
        left -= MIN_COST;
        const children = cut(node.children);
        out.push(children.length === node.children.length && children.every((c, i) => c === node.children[i]) ? node : { ...node, children });
      }
    }
    return out;
  };
  const out = cut(nodes);
  const complete = out.length === nodes.length && out.every((n, i) => n === nodes[i]);
  return complete ? { nodes, complete } : { nodes: out, complete };
}
