import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { recordAuthorship } from './authorship';
import { canonicalContent, canonicalJson, contentHash } from './canonicalContent';
import { initReferat } from './initReferat';
import { setMetaField, setTitle } from './meta';
import { linkOwnParticipant } from './participantKeys';
import { addParticipant, readParticipants, updateParticipant } from './participants';
import { approvalsArray, bodyFragment, metaMap, newReferatDoc, participantsArray } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';
import { setXmlAttribute } from './xmlAttribute';

const KEY = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };

function created(clientId: number): Y.Doc {
  const doc = newReferatDoc();
  doc.clientID = clientId;
  initReferat(doc, {
    id: '6f1c2b1e-0000-4000-8000-000000000001',
    title: 'Styregruppemøde',
    date: '2026-03-04',
    createdAt: `2026-03-04T10:0${clientId % 10}:00Z`,
    template: STANDARD_TEMPLATE,
    creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
  });
  return doc;
}

function paragraphWith(doc: Y.Doc, fill: (t: Y.XmlText) => void): void {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  bodyFragment(doc).push([p]);
  fill(t);
}

function lastText(doc: Y.Doc): Y.XmlText {
  const last = bodyFragment(doc).get(bodyFragment(doc).length - 1) as Y.XmlElement;
  return last.get(0) as Y.XmlText;
}

/** The first paragraph's text, created once by typing and once in one piece, with a detour through formatting. */
function editedOneWay(doc: Y.Doc): void {
  setMetaField(doc, 'location', 'Rådhuset');
  addParticipant(doc, { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer', role: 'Projektleder', present: true });
  paragraphWith(doc, (t) => {
    t.insert(0, 'Budgettet godkendes.');
    t.format(0, 9, { bold: {} });
  });
}

function editedAnotherWay(doc: Y.Doc): void {
  paragraphWith(doc, (t) => {
    for (const [i, ch] of [...'Budgetxtet godkendes'].entries()) t.insert(i, ch);
    t.delete(6, 1);
    t.insert(t.length, '.');
    t.format(0, 20, { italic: {} });
    t.format(0, 20, { italic: null });
    t.format(0, 4, { bold: {} });
    t.format(4, 5, { bold: {} });
  });
  setMetaField(doc, 'location', 'Byrådssalen');
  const id = addParticipant(doc, { name: 'Bo', organisation: 'Systemhuset', organisationKind: 'andet', role: '', present: false });
  updateParticipant(doc, id, { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer', role: 'Projektleder', present: true });
  setMetaField(doc, 'location', 'Rådhuset');
}

describe('canonical content', () => {
  it('is the same for the same visible content, whatever the edit history and client ids', () => {
    const a = created(11);
    editedOneWay(a);
    const b = created(22);
    editedAnotherWay(b);
    expect(new TextDecoder().decode(canonicalContent(b))).toBe(new TextDecoder().decode(canonicalContent(a)));
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('survives a Yjs round trip, and merged copies agree', () => {
    const a = created(11);
    editedOneWay(a);
    const copy = newReferatDoc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a));
    expect(contentHash(copy)).toBe(contentHash(a));

    // Concurrent edits on two copies, merged in opposite orders.
    const b = newReferatDoc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setTitle(a, 'Styregruppemøde 4');
    setMetaField(b, 'endTime', '12:00');
    const ua = Y.encodeStateAsUpdate(a);
    const ub = Y.encodeStateAsUpdate(b);
    Y.applyUpdate(a, ub);
    Y.applyUpdate(b, ua);
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash(a)).not.toBe(contentHash(copy));
  });

  it('merges adjacent text of equal marks, drops empty text and null attributes', () => {
    const doc = newReferatDoc();
    const p = new Y.XmlElement('heading');
    setXmlAttribute(p, 'level', 2);
    const t1 = new Y.XmlText('Ab');
    const empty = new Y.XmlText('');
    const t2 = new Y.XmlText('c');
    p.insert(0, [t1, empty, t2]);
    bodyFragment(doc).push([p]);
    t2.format(0, 1, { link: { href: 'https://example.dk', target: null } });
    expect(canonicalJson((JSON.parse(new TextDecoder().decode(canonicalContent(doc))) as { body: unknown }).body)).toBe(
      '[{"attrs":{"level":2},"content":[{"marks":{},"text":"Ab"},{"marks":{"link":{"href":"https://example.dk"}},"text":"c"}],"type":"heading"}]',
    );
  });

  it('writes exactly the documented layout', () => {
    const doc = newReferatDoc();
    doc.transact(() => {
      const m = metaMap(doc);
      m.set('id', '6f1c2b1e-0000-4000-8000-000000000001');
      m.set('title', new Y.Text('Møde'));
      m.set('date', '2026-03-04');
      m.set('status', 'approved');
      m.set('formatVersion', 2);
    });
    addParticipant(doc, { name: 'Mette', organisation: 'Aarhus Kommune', organisationKind: 'kommune', role: '', present: true });
    paragraphWith(doc, (t) => {
      t.insert(0, 'Hej ');
      t.insert(4, 'verden', { bold: {} });
    });
    expect(new TextDecoder().decode(canonicalContent(doc))).toBe(
      '{"body":[{"attrs":{},"content":[{"marks":{},"text":"Hej "},{"marks":{"bold":{}},"text":"verden"}],"type":"paragraph"}],' +
        '"format":"referat-content/1",' +
        '"meta":{"date":"2026-03-04","endTime":"","id":"6f1c2b1e-0000-4000-8000-000000000001","location":"","previousId":"","seriesId":"","seriesName":"","startTime":"","title":"Møde"},' +
        '"participants":[{"name":"Mette","organisation":"Aarhus Kommune","organisationKind":"kommune","present":true,"role":""}]}',
    );
  });

  it('changes with every visible change', () => {
    const base = created(11);
    editedOneWay(base);
    const hash = contentHash(base);
    const changes: Array<[string, (doc: Y.Doc) => void]> = [
      ['title', (d) => setTitle(d, 'Styregruppemøde.')],
      ['date', (d) => setMetaField(d, 'date', '2026-03-05')],
      ['start time', (d) => setMetaField(d, 'startTime', '09:00')],
      ['end time', (d) => setMetaField(d, 'endTime', '10:00')],
      ['location', (d) => setMetaField(d, 'location', 'Rådhuset ')],
      ['series name', (d) => metaMap(d).set('seriesName', 'Styregruppen')],
      ['participant name', (d) => updateParticipant(d, readParticipants(d)[1]!.id, { name: 'Bo  Lund' })],
      ['participant organisation', (d) => updateParticipant(d, readParticipants(d)[1]!.id, { organisation: 'Systemhuset' })],
      ['participant kind', (d) => updateParticipant(d, readParticipants(d)[1]!.id, { organisationKind: 'andet' })],
      ['participant role', (d) => updateParticipant(d, readParticipants(d)[1]!.id, { role: '' })],
      ['participant absent', (d) => updateParticipant(d, readParticipants(d)[1]!.id, { present: false })],
      ['participant order', (d) => {
        const first = participantsArray(d).get(0).clone();
        d.transact(() => {
          participantsArray(d).delete(0, 1);
          participantsArray(d).push([first]);
        });
      }],
      ['a letter', (d) => lastText(d).insert(0, 'x')],
      ['a space', (d) => lastText(d).insert(9, ' ')],
      ['a mark', (d) => lastText(d).format(10, 3, { italic: {} })],
      ['a mark removed', (d) => lastText(d).format(0, 1, { bold: null })],
      ['a link', (d) => lastText(d).format(0, 3, { link: { href: 'https://a.dk' } })],
      ['an attribute', (d) => (bodyFragment(d).get(0) as Y.XmlElement).setAttribute('caseNumber', '26-001')],
      ['a boolean attribute', (d) => setXmlAttribute(bodyFragment(d).get(0) as Y.XmlElement, 'done', false)],
      ['an empty paragraph', (d) => bodyFragment(d).push([new Y.XmlElement('paragraph')])],
      ['a node name', (d) => {
        const last = bodyFragment(d).length - 1;
        const h = new Y.XmlElement('heading');
        h.insert(0, [new Y.XmlText('Budgettet godkendes.')]);
        d.transact(() => {
          bodyFragment(d).delete(last, 1);
          bodyFragment(d).push([h]);
        });
      }],
      ['node order', (d) => {
        const first = (bodyFragment(d).get(0) as Y.XmlElement).clone();
        d.transact(() => {
          bodyFragment(d).delete(0, 1);
          bodyFragment(d).insert(1, [first]);
        });
      }],
    ];
    const seen = new Set([hash]);
    for (const [what, change] of changes) {
      const doc = newReferatDoc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
      change(doc);
      const changed = contentHash(doc);
      expect(changed, what).not.toBe(hash);
      expect(seen.has(changed), `${what} collides with another change`).toBe(false);
      seen.add(changed);
    }
  });

  it('ignores what is not content: status, approvals, keys, authorship, creation details', () => {
    const doc = created(11);
    editedOneWay(doc);
    const hash = contentHash(doc);
    metaMap(doc).set('status', 'proposed');
    metaMap(doc).set('createdAt', '2020-01-01T00:00:00Z');
    metaMap(doc).set('template', 'other@9');
    approvalsArray(doc).push([new Y.Map<unknown>()]);
    recordAuthorship(doc, '90FA CAFE A9B1 5566 9854 0F70 C011 7A22');
    linkOwnParticipant(doc, { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer', fingerprint: '90FA CAFE A9B1 5566 9854 0F70 C011 7A22', publicKey: KEY });
    expect(readParticipants(doc)[1]?.fingerprint).toBe('90FA CAFE A9B1 5566 9854 0F70 C011 7A22');
    expect(contentHash(doc)).toBe(hash);
  });

  it('reads values of the wrong type as empty, never throws', () => {
    const doc = newReferatDoc();
    doc.transact(() => {
      metaMap(doc).set('title', 42);
      metaMap(doc).set('location', { evil: true });
      participantsArray(doc).push([new Y.Map<unknown>()]);
      (doc.getArray('participants') as Y.Array<unknown>).push(['not a map', 7, null]);
      bodyFragment(doc).push([new Y.XmlElement('paragraph')]);
      (bodyFragment(doc).get(0) as Y.XmlElement).setAttribute('weird', { a: [1, null, Number.NaN], b: undefined } as unknown as string);
    });
    expect(() => contentHash(doc)).not.toThrow();
    expect(new TextDecoder().decode(canonicalContent(doc))).toContain('"attrs":{"weird":{"a":[1,null,null]}}');
  });
});

describe('canonical content, recomputed by a plain Yjs program', () => {
  it('matches the snippet in docs/FORMAT.md', async () => {
    const { createHash } = await import('node:crypto');
    const doc = created(11);
    editedOneWay(doc);
    lastText(doc).format(0, 3, { link: { href: 'https://a.dk', target: '_blank', rel: null } });
    metaMap(doc).set('seriesName', 'Styregruppen');

    // --- the snippet of docs/FORMAT.md, unchanged but for types ---
    /* eslint-disable */
    const canon = (v: any): string => v === null || typeof v !== 'object' ? JSON.stringify(v ?? null)
      : Array.isArray(v) ? `[${v.map(canon).join(',')}]`
      : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
    const clean = (o: any): any => Object.fromEntries(Object.entries(o).filter(([, x]) => x != null)
      .map(([k, x]) => [k, x && typeof x === 'object' && !Array.isArray(x) ? clean(x) : x]));
    const nodes = (parent: any): any[] => {
      const out: any[] = [];
      for (const c of parent.toArray()) {
        if (c instanceof Y.XmlText) {
          for (const d of c.toDelta()) {
            if (typeof d.insert !== 'string' || d.insert === '') continue;
            const marks = clean(d.attributes ?? {});
            const last = out.at(-1);
            if (last && 'text' in last && canon(last.marks) === canon(marks)) last.text += d.insert;
            else out.push({ text: d.insert, marks });
          }
        } else if (c instanceof Y.XmlElement) out.push({ type: c.nodeName, attrs: clean(c.getAttributes()), content: nodes(c) });
      }
      return out;
    };
    const str = (v: any) => (typeof v === 'string' ? v : v instanceof Y.Text ? v.toString() : '');
    const meta = doc.getMap('meta');
    const content = {
      format: 'referat-content/1',
      meta: Object.fromEntries(['id', 'title', 'date', 'startTime', 'endTime', 'location', 'seriesId', 'seriesName', 'previousId']
        .map((k) => [k, str(meta.get(k))])),
      participants: doc.getArray('participants').toArray()
        .filter((p: any) => p instanceof Y.Map && typeof p.get('id') === 'string')
        .map((p: any) => {
          const s = (k: string) => (typeof p.get(k) === 'string' ? p.get(k) : '');
          const kind = s('organisationKind');
          return { name: s('name'), organisation: s('organisation'), role: s('role'), present: p.get('present') !== false,
            organisationKind: ['kommune', 'leverandoer', 'andet'].includes(kind) ? kind : 'andet' };
        }),
      body: nodes(doc.getXmlFragment('body')),
    };
    const hash = createHash('sha256').update(canon(content)).digest('hex');
    /* eslint-enable */
    // --- end of the snippet ---

    expect(hash).toBe(contentHash(doc));
  });
});

describe('contentHash, remembered per document', () => {
  it('is recomputed after every change, also when read inside transactions and observers', () => {
    const doc = created(11);
    const seen: string[] = [];
    metaMap(doc).observe(() => seen.push(contentHash(doc)));
    const before = contentHash(doc);
    doc.transact(() => {
      setMetaField(doc, 'location', 'A');
      expect(contentHash(doc)).not.toBe(before);
      setMetaField(doc, 'location', 'B');
    });
    const fresh = newReferatDoc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    expect(contentHash(doc)).toBe(contentHash(fresh));
    expect(seen).toEqual([contentHash(fresh)]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate((() => {
      const other = newReferatDoc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      setMetaField(other, 'endTime', '11:00');
      return other;
    })()));
    expect(contentHash(doc)).not.toBe(contentHash(fresh));
  });
});
