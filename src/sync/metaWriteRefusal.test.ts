import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META } from '../core/docLayout';
import { initReferat } from '../core/initReferat';
import { setMetaField } from '../core/meta';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { receiverEntries } from './mapEntryWrites';
import { metaWriteRefusal } from './metaWriteRefusal';
import { readUpdateOutline } from './updateOutline';

function referat(id = newReferatId()): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });
  return doc;
}

/** The refusal for what `change`, made on a copy of `doc`, adds to `doc`. */
function check(doc: Y.Doc, change: (d: Y.Doc) => void, expectedId: string | null = null) {
  const peer = newReferatDoc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(peer);
  change(peer);
  const outline = readUpdateOutline(Y.diffUpdate(Y.encodeStateAsUpdate(peer, sv), Y.encodeStateVector(doc)));
  return metaWriteRefusal(doc, outline, receiverEntries(doc, [{ parent: META }]), expectedId);
}

describe('metaWriteRefusal', () => {
  it('passes honest edits of meta and an overwrite of formatVersion with the same value', () => {
    const doc = referat();
    expect(check(doc, (d) => setMetaField(d, 'date', '2026-04-01'))).toBeNull();
    expect(check(doc, (d) => setMetaField(d, 'location', 'Rådhuset'))).toBeNull();
    expect(check(doc, (d) => metaMap(d).set('status', 'proposed'))).toBeNull();
    expect(check(doc, (d) => metaMap(d).set('formatVersion', 2))).toBeNull();
    expect(check(doc, (d) => metaMap(d).set('title', new Y.Text('Nyt møde')))).toBeNull();
  });

  it('refuses changes of meta.id and meta.formatVersion, also as removals', () => {
    const doc = referat();
    expect(check(doc, (d) => metaMap(d).set('id', newReferatId()))).toMatchObject({ code: 'metaId' });
    expect(check(doc, (d) => metaMap(d).set('id', 7))).toMatchObject({ code: 'metaId' });
    expect(check(doc, (d) => metaMap(d).delete('id'))).toMatchObject({ code: 'metaId' });
    expect(check(doc, (d) => metaMap(d).set('formatVersion', 3))).toMatchObject({ code: 'formatVersion' });
    expect(check(doc, (d) => metaMap(d).set('formatVersion', 1))).toMatchObject({ code: 'formatVersion' });
    expect(check(doc, (d) => metaMap(d).set('formatVersion', '2'))).toMatchObject({ code: 'formatVersion' });
    expect(check(doc, (d) => metaMap(d).delete('formatVersion'))).toMatchObject({ code: 'formatVersion' });
  });

  it('refuses meta fields of the wrong type or form', () => {
    const doc = referat();
    expect(check(doc, (d) => metaMap(d).set('status', 'approved!'))).toMatchObject({ code: 'badMeta' });
    expect(check(doc, (d) => metaMap(d).set('date', 'i morgen'))).toMatchObject({ code: 'badMeta' });
    expect(check(doc, (d) => metaMap(d).set('startTime', 25))).toMatchObject({ code: 'badMeta' });
    expect(check(doc, (d) => metaMap(d).set('title', new Y.Map()))).toMatchObject({ code: 'badMeta' });
  });

  it('lets a peer migrate an older copy to this app’s version', () => {
    const doc = referat();
    metaMap(doc).set('formatVersion', 1);
    expect(check(doc, (d) => metaMap(d).set('formatVersion', 2))).toBeNull();
  });

  it('takes a joined, still empty copy’s first sync only for the referat it joined', () => {
    const id = newReferatId();
    const source = referat(id);
    const empty = newReferatDoc();
    const whole = (d: Y.Doc) => Y.applyUpdate(d, Y.encodeStateAsUpdate(source));
    expect(check(empty, whole, id)).toBeNull();
    expect(check(empty, whole, newReferatId())).toMatchObject({ code: 'metaId' });
  });
});
