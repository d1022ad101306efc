// The template must be shared, never doubled: the seeded agenda of a replica against what one seeding writes.
import * as Y from 'yjs';
import { bodyFragment } from '../../../src/core/referatDoc';
import { readStructure } from '../../../src/core/structure';
import { firstItem } from '../../../src/core/yjsInternals';
import { TEMPLATE_CLIENT_ID, templateUpdate } from '../../../src/core/templateUpdate';
import type { Template } from '../../../src/core/templates';

/** What one seeding of `template` writes: the template client's clock and its number of top-level nodes. */
function templateShape(template: Template): { clock: number; nodes: number } {
  const d = new Y.Doc({ gc: false });
  Y.applyUpdate(d, templateUpdate(template));
  const shape = { clock: Y.getState(d.store, TEMPLATE_CLIENT_ID), nodes: bodyFragment(d).length };
  d.destroy();
  return shape;
}

/** Problems with the seeded agenda: more template items than one seeding makes, or an agenda item twice. */
export function agendaProblems(doc: Y.Doc, template: Template, label: string): string[] {
  const problems: string[] = [];
  const expected = templateShape(template);
  const clock = Y.getState(doc.store, TEMPLATE_CLIENT_ID);
  if (clock !== expected.clock) problems.push(`${label}: template client clock ${clock}, expected ${expected.clock}`);
  // Count the template's top-level nodes, deleted ones included: one seeding makes exactly this many.
  let nodes = 0;
  for (let item = firstItem(bodyFragment(doc)); item !== null; item = item.right) {
    if (item.id.client === TEMPLATE_CLIENT_ID && item.content instanceof Y.ContentType) nodes++;
  }
  if (nodes !== expected.nodes) problems.push(`${label}: ${nodes} template nodes in the body, expected ${expected.nodes}`);
  // Agenda item ids are deterministic (`template-version-n`): each may appear once at most.
  const ids = readStructure(doc).agendaItems.map((a) => a.id);
  for (const id of new Set(ids)) {
    const n = ids.filter((x) => x === id).length;
    if (n > 1) problems.push(`${label}: agenda item ${JSON.stringify(id)} appears ${n} times`);
  }
  return problems;
}
