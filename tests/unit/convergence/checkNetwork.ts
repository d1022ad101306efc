// Everything that must hold for a fuzz network after its final heal.
import { agendaProblems } from './agendaProblems';
import { compareReplicas } from './compareReplicas';
import type { FuzzWorld } from './fuzzWorld';

/** Everything that must hold after the final heal; an empty list means the run passed. */
export function checkNetwork(net: FuzzWorld): string[] {
  const problems = [...net.problems, ...compareReplicas(net.docs())];
  for (const p of net.peers) {
    for (const e of p.syncErrors) problems.push(`peer ${p.index} docSync error: ${e}`);
    problems.push(...agendaProblems(p.doc, net.config.template, `peer ${p.index}`));
  }
  return problems;
}
