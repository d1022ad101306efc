// The editor schema against docs/FORMAT.md (format 2), and the body's round trip through Yjs without a DOM.
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACTION_ITEM, AGENDA_ITEM, AGENDA_TITLE, DECISION } from '../core/bodyNodes';
import { bodyFragment, newReferatDoc } from '../core/referatDoc';
import { readStructure } from '../core/structure';
import { seedTemplate } from '../core/templateUpdate';
import { TEMPLATES } from '../core/templates';
import { xmlAttribute } from '../core/xmlAttribute';
import { referatExtensions } from './referatExtensions';

function schema(): Schema {
  return getSchema(referatExtensions(new Y.Doc().getXmlFragment('body')));
}

function defaults(s: Schema, name: string): Record<string, unknown> {
  const type = s.nodes[name];
  if (!type) throw new Error(`no node ${name}`);
  return Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([k, a]) => [k, (a as { default?: unknown }).default]));
}

const t = (text: string) => ({ type: 'text', text });
const p = (text?: string) => (text ? { type: 'paragraph', content: [t(text)] } : { type: 'paragraph' });

/** A body with every structured node, attributes in their JSON types. */
const STRUCTURED_DOC = {
  type: 'doc',
  content: [
    p('Indledning'),
    {
      type: 'agendaItem',
      attrs: { id: 'a-1', caseNumber: '24/1234', kleCode: '00.01.00' },
      content: [
        { type: 'agendaTitle', content: [t('Godkendelse af dagsorden')] },
        p('Godkendt.'),
        { type: 'decision', attrs: { id: 'd-1' }, content: [p('Dagsordenen godkendes.'), p('Uden bemærkninger.')] },
      ],
    },
    {
      type: 'agendaItem',
      attrs: { id: 'a-2', caseNumber: '', kleCode: '' },
      content: [
        { type: 'agendaTitle', content: [t('Status')] },
        { type: 'heading', attrs: { level: 3 }, content: [t('Drift')] },
        {
          type: 'actionItem',
          attrs: { id: 'h-1', owner: 'Bo Lund', ownerOrganisation: 'Systemhuset A/S', due: '2026-04-01', done: true, originDoc: 'r-0', originItem: 'h-0' },
          content: [t('Send '), { type: 'text', text: 'tidsplan', marks: [{ type: 'bold' }] }],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [p('punkt')] }],
        },
        { type: 'actionItem', attrs: { id: 'h-2', owner: '', ownerOrganisation: '', due: '', done: false, originDoc: '', originItem: '' } },
      ],
    },
    { type: 'decision', attrs: { id: 'd-2' }, content: [p('Uden for dagsordenen.')] },
  ],
};

describe('editor schema (format 2)', () => {
  it('has the structured nodes with the names, content and attribute defaults of docs/FORMAT.md', () => {
    const s = schema();
    expect(s.nodes[AGENDA_ITEM]?.spec.content).toBe('agendaTitle block*');
    expect(s.nodes[AGENDA_ITEM]?.spec.group).toBe('block');
    expect(defaults(s, AGENDA_ITEM)).toEqual({ id: '', caseNumber: '', kleCode: '' });
    expect(s.nodes[AGENDA_TITLE]?.spec.content).toBe('inline*');
    expect(s.nodes[AGENDA_TITLE]?.spec.group).toBeUndefined();
    expect(defaults(s, AGENDA_TITLE)).toEqual({});
    expect(s.nodes[DECISION]?.spec.content).toBe('paragraph+');
    expect(s.nodes[DECISION]?.spec.group).toBe('block');
    expect(defaults(s, DECISION)).toEqual({ id: '' });
    expect(s.nodes[ACTION_ITEM]?.spec.content).toBe('inline*');
    expect(s.nodes[ACTION_ITEM]?.spec.group).toBe('block');
    expect(s.nodes[ACTION_ITEM]?.isTextblock).toBe(true);
    expect(defaults(s, ACTION_ITEM)).toEqual({ id: '', owner: '', ownerOrganisation: '', due: '', done: false, originDoc: '', originItem: '' });
  });

  it('keeps StarterKit’s blocks and marks, and a paragraph as the default block', () => {
    const s = schema();
    for (const name of ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'horizontalRule', 'hardBreak']) {
      expect(s.nodes[name], name).toBeDefined();
    }
    for (const name of ['bold', 'italic', 'strike', 'underline', 'link']) expect(s.marks[name], name).toBeDefined();
    expect(s.nodes.codeBlock).toBeUndefined();
    expect(s.topNodeType.contentMatch.defaultType?.name).toBe('paragraph');
    expect(s.nodes[AGENDA_ITEM]?.contentMatch.matchType(s.nodes[AGENDA_TITLE]!)?.defaultType?.name).toBe('paragraph');
  });

  it('round-trips every structured node through the Y.XmlFragment, and core reads the same structure', () => {
    const s = schema();
    const expected = s.nodeFromJSON(STRUCTURED_DOC);
    expected.check();
    const doc = newReferatDoc();
    prosemirrorJSONToYXmlFragment(s, STRUCTURED_DOC, bodyFragment(doc));

    const action = (bodyFragment(doc).get(2) as Y.XmlElement).get(2) as Y.XmlElement;
    expect(action.nodeName).toBe(ACTION_ITEM);
    expect(xmlAttribute(action, 'done')).toBe(true);
    expect(action.getAttribute('due')).toBe('2026-04-01');

    const structure = readStructure(doc);
    expect(structure.agendaItems).toEqual([
      { id: 'a-1', number: 1, title: 'Godkendelse af dagsorden', caseNumber: '24/1234', kleCode: '00.01.00' },
      { id: 'a-2', number: 2, title: 'Status', caseNumber: '', kleCode: '' },
    ]);
    expect(structure.decisions).toEqual([
      { id: 'd-1', text: 'Dagsordenen godkendes. Uden bemærkninger.', agendaItemId: 'a-1' },
      { id: 'd-2', text: 'Uden for dagsordenen.', agendaItemId: null },
    ]);
    expect(structure.actionItems).toEqual([
      { id: 'h-1', text: 'Send tidsplan', owner: 'Bo Lund', ownerOrganisation: 'Systemhuset A/S', due: '2026-04-01', done: true, originDoc: 'r-0', originItem: 'h-0', agendaItemId: 'a-2' },
      { id: 'h-2', text: '', owner: '', ownerOrganisation: '', due: '', done: false, originDoc: '', originItem: '', agendaItemId: 'a-2' },
    ]);

    const back = yXmlFragmentToProseMirrorRootNode(bodyFragment(doc), s);
    expect(back.toJSON()).toEqual(expected.toJSON());
    // The schema-less reading agrees too: nothing was dropped or defaulted on the way.
    expect(s.nodeFromJSON(yXmlFragmentToProsemirrorJSON(bodyFragment(doc))).toJSON()).toEqual(expected.toJSON());
  });

  it.each(TEMPLATES.map((tpl) => [tpl.id, tpl] as const))('reads the seeded %s template as a valid document, dropping nothing', (_id, template) => {
    const s = schema();
    const doc = newReferatDoc();
    seedTemplate(doc, template);
    const before = Y.encodeStateAsUpdate(doc);
    const root = yXmlFragmentToProseMirrorRootNode(bodyFragment(doc), s);
    expect(() => root.check()).not.toThrow();
    // y-prosemirror deletes elements the schema cannot hold: the document must be untouched.
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(root.toJSON()).toEqual(s.nodeFromJSON(yXmlFragmentToProsemirrorJSON(bodyFragment(doc))).toJSON());
    const expected =
      template.agenda.length === 0
        ? [{ type: 'paragraph' }]
        : template.agenda.map((title, i) => ({
            type: AGENDA_ITEM,
            attrs: { id: `${template.id}-${template.version}-${i + 1}`, caseNumber: '', kleCode: '' },
            content: [{ type: AGENDA_TITLE, content: [t(title)] }, { type: 'paragraph' }],
          }));
    expect(root.toJSON()).toEqual({ type: 'doc', content: expected });
  });
});
