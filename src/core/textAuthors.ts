// Who wrote each character of the current text: the body's structure with, per Y.XmlText, runs of visible characters
// and the author key of the client that inserted them (core/versionAuthors.ts). Reads only; no snapshots needed.
import * as Y from 'yjs';
import { firstItem } from './yjsInternals';

/** A run of consecutive visible characters written by one author (embeds count one, like the editor). */
export interface AuthorRun {
  length: number;
  by: string;
}

export interface TextAuthors {
  kind: 'text';
  runs: AuthorRun[];
}

export interface ElementAuthors {
  kind: 'element';
  nodeName: string;
  children: Array<ElementAuthors | TextAuthors>;
}

export type AuthorNode = ElementAuthors | TextAuthors;

function textRuns(text: Y.XmlText, authorOf: (client: number) => string): AuthorRun[] {
  const runs: AuthorRun[] = [];
  for (let item = firstItem(text); item !== null; item = item.right) {
    // Formatting items take no place in the text; deleted ones are not shown.
    if (item.deleted || !item.countable) continue;
    const by = authorOf(item.id.client);
    const last = runs.at(-1);
    if (last && last.by === by) last.length += item.length;
    else runs.push({ length: item.length, by });
  }
  return runs;
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement, authorOf: (client: number) => string): AuthorNode[] {
  const out: AuthorNode[] = [];
  for (let item = firstItem(parent); item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type;
    if (type instanceof Y.XmlText) out.push({ kind: 'text', runs: textRuns(type, authorOf) });
    else if (type instanceof Y.XmlElement) out.push({ kind: 'element', nodeName: type.nodeName, children: childrenOf(type, authorOf) });
  }
  return out;
}

/** The current text of `fragment` (a referat's `body`), each run credited by `authorOf` (memoised per client here). */
export function textAuthors(fragment: Y.XmlFragment, authorOf: (client: number) => string): AuthorNode[] {
  const known = new Map<number, string>();
  const cached = (client: number) => {
    let by = known.get(client);
    if (by === undefined) known.set(client, (by = authorOf(client)));
    return by;
  };
  return childrenOf(fragment, cached);
}

/** How many characters each author has in the current text, most first (ties by key, so the order is stable). */
export function charactersByAuthor(nodes: readonly AuthorNode[]): Array<{ by: string; characters: number }> {
  const totals = new Map<string, number>();
  const walk = (list: readonly AuthorNode[]) => {
    for (const node of list) {
      if (node.kind === 'element') walk(node.children);
      else for (const run of node.runs) totals.set(run.by, (totals.get(run.by) ?? 0) + run.length);
    }
  };
  walk(nodes);
  return [...totals].map(([by, characters]) => ({ by, characters })).toSorted((a, b) => b.characters - a.characters || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
}
