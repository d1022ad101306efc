import { describe, expect, it } from 'vitest';
import { diffPrefix } from './diffPrefix';
import type { ElementDiff, TextDiff, TextRun } from './versionDiff';

const run = (text: string, change: TextRun['change'] = 'same'): TextRun => ({ text, change, by: change === 'same' ? null : 'a' });
const text = (...runs: TextRun[]): TextDiff => ({ kind: 'text', change: 'same', by: null, runs });
const para = (...children: Array<ElementDiff | TextDiff>): ElementDiff => ({
  kind: 'element', nodeName: 'paragraph', change: 'same', by: null, attributes: {}, attributeChanges: [], children,
});
const runsIn = (nodes: Array<ElementDiff | TextDiff>): string[] =>
  nodes.flatMap((n) => (n.kind === 'text' ? n.runs.map((r) => r.text) : runsIn(n.children)));

describe('diffPrefix', () => {
  it('returns the same array when everything fits', () => {
    const nodes = [para(text(run('Hej '), run('med dig', 'inserted')))];
    const p = diffPrefix(nodes, 10_000);
    expect(p.complete).toBe(true);
    expect(p.nodes).toBe(nodes);
  });

  it('cuts in reading order, keeping the run that crosses the limit and the blocks before it whole', () => {
    const first = para(text(run('a'.repeat(100))));
    const second = para(text(run('b'.repeat(100)), run('c'.repeat(100), 'deleted'), run('d'.repeat(100))));
    const third = para(text(run('e'.repeat(100))));
    const p = diffPrefix([first, second, third], 250);
    expect(p.complete).toBe(false);
    expect(runsIn(p.nodes)).toEqual(['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100)]);
    expect(p.nodes[0]).toBe(first);
    expect(p.nodes).toHaveLength(2);
  });

  it('counts tiny runs at a minimum cost, so thousands of them still fill the budget', () => {
    const many = para(text(...Array.from({ length: 1000 }, (_, i) => run('x', i % 2 ? 'inserted' : 'same'))));
    const p = diffPrefix([many], 2424); // 24 for the paragraph, 24 for each run
    expect(runsIn(p.nodes)).toHaveLength(100);
  });

  it('grows to the whole diff as the budget grows', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => para(text(run(`Afsnit ${i} `.repeat(20)))));
    const sizes = [500, 2000, 8000, 32_000].map((b) => runsIn(diffPrefix(nodes, b).nodes).length);
    expect(sizes).toEqual(sizes.toSorted((a, b) => a - b));
    expect(diffPrefix(nodes, 32_000).complete).toBe(true);
    expect(runsIn(diffPrefix(nodes, 32_000).nodes)).toEqual(runsIn(nodes));
  });
});
