import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initReferat } from '../core/initReferat';
import { bodyFragment, metaMap, newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { NO_RECEIVER_FACTS, type ReceiverFacts } from './receiverFacts';
import { checkRelayUpdate } from './relayUpdateCheck';

const DOC = newReferatId();

function referat(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: DOC, title: 'Driftsmøde', date: '2026-12-01', createdAt: '2026-12-01T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function type(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  bodyFragment(doc).push([p]);
}

const check = (message: Uint8Array, receiver: Y.Doc, facts: ReceiverFacts = NO_RECEIVER_FACTS, maxMessageBytes = 1 << 20) =>
  checkRelayUpdate({ message, state: Y.encodeStateAsUpdate(receiver), facts, expectedId: DOC, maxMessageBytes });
const codeOf = (v: ReturnType<typeof checkRelayUpdate>) => (v.kind === 'pass' ? 'pass' : v.refusal.code);

describe('the check of a relay update', () => {
  it('passes another device’s edit, and leaves the receiving copy untouched', () => {
    const mine = referat();
    const theirs = copyOf(mine);
    const before = Y.encodeStateVector(theirs);
    type(theirs, 'Ny linje.');
    const state = Y.encodeStateAsUpdate(mine);
    expect(codeOf(check(Y.encodeStateAsUpdate(theirs, before), mine))).toBe('pass');
    expect(Y.encodeStateAsUpdate(mine)).toEqual(state);
  });

  it('refuses changes under this device’s client id, the same clocks with other content, another referat’s id, garbage and oversize', () => {
    const mine = referat();
    type(mine, 'Mit eget.');
    // A hostile member writes under this device's client id.
    const impostor = copyOf(mine);
    impostor.clientID = mine.clientID;
    const before = Y.encodeStateVector(impostor);
    type(impostor, 'I dit navn.');
    expect(codeOf(check(Y.encodeStateAsUpdate(impostor, before), mine, { ...NO_RECEIVER_FACTS, ownClients: [mine.clientID] }))).toBe('foreignClient');

    // Different content at clocks this copy already holds under a third client id.
    const base = referat();
    const a = copyOf(base);
    const b = copyOf(base);
    b.clientID = a.clientID;
    type(a, 'Version A');
    type(b, 'Version B');
    expect(codeOf(check(Y.encodeStateAsUpdate(b), a))).toBe('divergent');

    const other = newReferatDoc();
    metaMap(other).set('id', newReferatId());
    expect(codeOf(check(Y.encodeStateAsUpdate(other), mine))).toBe('metaId');
    expect(codeOf(check(new Uint8Array([9, 9, 9, 9, 9]), mine))).toBe('badUpdate');
    expect(codeOf(check(Y.encodeStateAsUpdate(mine), mine, NO_RECEIVER_FACTS, 10))).toBe('tooLarge');
  });

  it('holds back an update that builds on changes this copy lacks (incomplete), and passes it once they are in', () => {
    const mine = referat();
    const theirs = copyOf(mine);
    const updates: Uint8Array[] = [];
    theirs.on('update', (u: Uint8Array) => updates.push(u));
    type(theirs, 'Første.');
    type(theirs, 'Anden.');
    const [earlier, later] = updates as [Uint8Array, Uint8Array];
    expect(codeOf(check(later, mine))).toBe('incomplete');
    Y.applyUpdate(mine, earlier);
    expect(codeOf(check(later, mine))).toBe('pass');
  });
});
