// Short names that tell participant rows apart, for accessible names ("Fjern Mette Sørensen"): the name alone, the
// organisation added when two rows share a name, the row number when they share that too.
import { foldPart } from './participantMatch';
import type { Participant } from './participants';

function counted(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** One label per row, in order; `unnamed(n)` names a row without a name ("deltager 3"). */
export function participantLabels(rows: readonly Pick<Participant, 'name' | 'organisation'>[], unnamed: (n: number) => string): string[] {
  const base = rows.map((r, i) => r.name.trim() || unnamed(i + 1));
  const names = base.map(foldPart);
  const withOrg = rows.map((r, i) => `${names[i]}\n${foldPart(r.organisation)}`);
  const nameCount = counted(names);
  const withOrgCount = counted(withOrg);
  return base.map((b, i) => {
    if (nameCount.get(names[i]!) === 1) return b;
    const org = rows[i]!.organisation.trim();
    if (org !== '' && withOrgCount.get(withOrg[i]!) === 1) return `${b}, ${org}`;
    return `${b} (${i + 1})`;
  });
}
