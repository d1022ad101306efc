// The shared reading of a referat: it numbers and reads structured nodes exactly as core does, also when a peer
// nests them oddly, and keeps links only when they are safe.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actionItemElement } from '../core/actionItemElement';
import { bodyFragment, newReferatDoc } from '../core/referatDoc';
import { readStructure } from '../core/structure';
import { agendaItemElement } from '../core/templateUpdate';
import { readReferatView, type TextRun, type ViewBlock } from './referatView';
import { richReferatTrust, trustState } from '../../tests/unit/export/trustFixture';
import { richReferatFixture } from '../testSupport/richReferatFixture';

function el(name: string, children: Array<Y.XmlElement | Y.XmlText> = [], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
}

/** Every structured node of the view, in document order. */
function structured(blocks: ViewBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'agendaItem':
        return [`agenda ${b.item.number} ${b.item.title}`, ...structured(b.blocks)];
      case 'decision':
        return [`decision ${b.decision.text}`];
      case 'actionItems':
        return b.items.map((a) => `action ${a.text} ${a.owner}`);
      case 'list':
        return b.items.flatMap(structured);
      case 'blockquote':
        return structured(b.blocks);
      default:
        return [];
    }
  });
}

const action = (id: string, text: string) =>
  actionItemElement({ id, owner: `owner-${id}`, ownerOrganisation: '', due: '', done: false, originDoc: '', originItem: '' }, text);

describe('readReferatView', () => {
  it('has every agenda item, decision and action item of core/structure.ts, in its order, for the rich referat', () => {
    const doc = richReferatFixture();
    const s = readStructure(doc);
    const view = readReferatView(doc, richReferatTrust());
    const fromCore = [
      ...s.agendaItems.map((a) => `agenda ${a.number} ${a.title}`),
      ...s.decisions.map((d) => `decision ${d.text}`),
      ...s.actionItems.map((a) => `action ${a.text} ${a.owner}`),
    ].toSorted();
    expect(structured(view.blocks).toSorted()).toEqual(fromCore);
    expect(view.seriesName).toBe('Driftsmøder 2026');
    expect(view.approvals.approvals.map((a) => a.name)).toEqual(['Anne Jensen']);
    expect(view.approvals.status).toBe('proposed');
  });

  it('stays in step with core when a peer nests structured nodes oddly', () => {
    const doc = newReferatDoc();
    doc.transact(() => {
      bodyFragment(doc).insert(0, [
        // Structured nodes inside a paragraph, a list and an unknown node: core counts them, so the view does too.
        el('paragraph', [new Y.XmlText('før '), action('p1', 'I et afsnit')]),
        el('bulletList', [el('listItem', [agendaItemElement('nested', 'Indlejret punkt')])]),
        el('futureNode', [el('decision', [el('paragraph', [new Y.XmlText('Fremtidig beslutning')])], { id: 'f1' })]),
        // Inside a decision core counts nothing, so neither does the view; the text is still shown.
        el('decision', [el('paragraph', [new Y.XmlText('Ydre')]), action('hidden', 'Skjult i beslutning')], { id: 'd1' }),
        agendaItemElement('last', 'Sidste punkt'),
      ]);
    });
    const view = readReferatView(doc, trustState());
    expect(structured(view.blocks)).toEqual([
      'action I et afsnit owner-p1',
      'agenda 1 Indlejret punkt',
      'decision Fremtidig beslutning',
      'decision Ydre Skjult i beslutning',
      'agenda 2 Sidste punkt',
    ]);
    const decision = view.blocks.find((b) => b.kind === 'decision' && b.decision.id === 'd1');
    expect(JSON.stringify(decision)).toContain('Skjult i beslutning');
    expect(view.blocks[0]).toMatchObject({ kind: 'paragraph', inlines: [{ text: 'før ' }] });
  });

  it('keeps http, https and mailto links (normalised), drops every other scheme, and reads hashed mark names', () => {
    const doc = newReferatDoc();
    const text = new Y.XmlText();
    doc.transact(() => {
      bodyFragment(doc).insert(0, [el('paragraph', [text])]);
      const hrefs = ['https://kommune.dk/a b', 'mailto:it@kommune.dk', 'javascript:alert(1)', ' data:text/html,x', 'java\tscript:x', 'vbscript:x'];
      for (const href of hrefs) text.insert(text.length, `[${href.trim()}]`, { link: { href } });
      text.insert(text.length, 'fed', { 'bold--AbCd1234': {}, link: null });
    });
    const runs = (readReferatView(doc, trustState()).blocks[0] as { inlines: TextRun[] }).inlines;
    expect(runs.map((r) => r.href)).toEqual(['https://kommune.dk/a%20b', 'mailto:it@kommune.dk', null, null, null, null, null]);
    expect(runs.at(-1)).toMatchObject({ text: 'fed', bold: true, href: null });
  });

  it('reads an empty document without throwing', () => {
    const view = readReferatView(newReferatDoc(), trustState());
    expect(view.blocks).toEqual([]);
    expect(view.participants).toEqual([]);
    expect(view.meta.title).toBe('');
  });
});
