// Who wrote each run of the current text: the right authors for concurrent typing, whatever the order copies meet,
// nothing for deleted text or formatting, and a forged `users` entry never counted as verified.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, paragraph, peer, textAt } from '../testSupport/yBody';
import { recordAuthorship } from './authorship';
import { bodyTextNodes, plainText } from './bodyTextNodes';
import { charactersByAuthor, textAuthors, type AuthorNode } from './textAuthors';
import { versionAuthors } from './versionAuthors';

const NAMES = new Map([[1, 'kommune'], [2, 'leverandør'], [3, 'konsulent']]);
const byClient = (client: number) => NAMES.get(client) ?? 'ukendt';

/** The text of every run, with its author, in document order. */
function credited(nodes: readonly AuthorNode[], doc: Y.Doc): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const texts = bodyTextNodes(doc);
  const runsOf: AuthorNode[] = [];
  const flatten = (list: readonly AuthorNode[]) => list.forEach((n) => (n.kind === 'text' ? runsOf.push(n) : flatten(n.children)));
  flatten(nodes);
  expect(runsOf).toHaveLength(texts.length);
  runsOf.forEach((node, i) => {
    const text = texts[i] ? plainText(texts[i]) : '';
    let at = 0;
    if (node.kind !== 'text') return;
    for (const run of node.runs) {
      out.push([text.slice(at, at + run.length), run.by]);
      at += run.length;
    }
    expect(at).toBe(text.length);
  });
  return out;
}

describe('textAuthors', () => {
  it('credits three peers typing at once into one paragraph, the same on every copy whatever the order updates arrive', () => {
    const a = peer(1);
    body(a).insert(0, [paragraph('')]);
    const b = peer(2);
    const c = peer(3);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    const before = [a, b, c].map((d) => Y.encodeStateVector(d));
    textAt(a, 0).insert(0, 'Kommunen noterer. ');
    textAt(b, 0).insert(0, 'Leverandøren svarer. ');
    textAt(c, 0).insert(0, 'Konsulenten tilføjer. ');
    const updates = [a, b, c].map((d, i) => Y.encodeStateAsUpdate(d, before[i]));
    const copies = [[0, 1, 2], [2, 1, 0], [1, 2, 0]].map((order) => {
      const copy = peer(9);
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(a, Y.encodeStateVector(new Y.Doc())), 'base');
      for (const i of order) Y.applyUpdate(copy, updates[i] as Uint8Array);
      return copy;
    });
    const results = copies.map((copy) => credited(textAuthors(body(copy), byClient), copy));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const byAuthor = new Map<string, string>();
    for (const [text, by] of results[0] ?? []) byAuthor.set(by, (byAuthor.get(by) ?? '') + text);
    expect(byAuthor.get('kommune')).toBe('Kommunen noterer. ');
    expect(byAuthor.get('leverandør')).toBe('Leverandøren svarer. ');
    expect(byAuthor.get('konsulent')).toBe('Konsulenten tilføjer. ');
  });

  it('counts no deleted text and no formatting, and sums characters per author', () => {
    const a = peer(1);
    body(a).insert(0, [paragraph('Aftalt: levering i marts.')]);
    const b = peer(2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const t = textAt(b, 0);
    t.delete(8, 11); // "levering i "
    t.insert(8, 'betaling ');
    t.format(0, 7, { bold: true });
    const nodes = textAuthors(body(b), byClient);
    expect(credited(nodes, b)).toEqual([['Aftalt: ', 'kommune'], ['betaling ', 'leverandør'], ['marts.', 'kommune']]);
    expect(charactersByAuthor(nodes)).toEqual([{ by: 'kommune', characters: 14 }, { by: 'leverandør', characters: 9 }]);
  });

  it('keeps the structure: agenda items and their titles, each text under its element', () => {
    const a = peer(1);
    const item = new Y.XmlElement('agendaItem');
    const title = new Y.XmlElement('agendaTitle');
    title.insert(0, [new Y.XmlText('Drift')]);
    item.insert(0, [title, paragraph('Alt kører.')]);
    body(a).insert(0, [item]);
    expect(textAuthors(body(a), byClient)).toEqual([
      { kind: 'element', nodeName: 'agendaItem', children: [
        { kind: 'element', nodeName: 'agendaTitle', children: [{ kind: 'text', runs: [{ length: 5, by: 'kommune' }] }] },
        { kind: 'element', nodeName: 'paragraph', children: [{ kind: 'text', runs: [{ length: 10, by: 'kommune' }] }] },
      ] },
    ]);
  });

  it('never shows forged authorship as verified: a `users` entry naming Mette without a claim stays unverified', () => {
    const METTE = 'a'.repeat(64);
    const mette = peer(11);
    recordAuthorship(mette, METTE);
    body(mette).insert(0, [paragraph('Mettes tekst. ')]);
    const eve = peer(22);
    Y.applyUpdate(eve, Y.encodeStateAsUpdate(mette));
    // Eve's device writes Mette's fingerprint into `users` for its own client and types as "Mette".
    recordAuthorship(eve, METTE);
    textAt(eve, 0).insert(14, 'Eves tilføjelse.');
    const owners = new Map([[11, METTE]]);
    const nodes = textAuthors(body(eve), versionAuthors(eve, owners).inserter);
    expect(credited(nodes, eve)).toEqual([['Mettes tekst. ', METTE], ['Eves tilføjelse.', `unverified:${METTE}`]]);
  });
});
