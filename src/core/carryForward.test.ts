import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionItemElement } from './actionItemElement';
import { carryForward, seriesOf } from './carryForward';
import { initReferat } from './initReferat';
import { readMeta } from './meta';
import { newReferatDoc } from './referatDoc';
import { findAgendaItem, readStructure, setActionItemDone } from './structure';
import { BLANK_TEMPLATE, STANDARD_TEMPLATE, type Template } from './templates';

const creator = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
let n = 0;
const ids = () => `id-${++n}`;

function referat(title: string, template: Template = STANDARD_TEMPLATE): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: title, title, date: '2026-03-01', createdAt: '2026-03-01T08:00:00Z', template, creator });
  return doc;
}

function addItem(doc: Y.Doc, agendaTitle: string, id: string, text: string, done = false): void {
  const item = findAgendaItem(doc, (t) => t === agendaTitle);
  if (!item) throw new Error('no agenda item');
  item.insert(1, [actionItemElement({ id, owner: 'Bo Lund', ownerOrganisation: 'Systemhuset A/S', due: '2026-03-15', done, originDoc: '', originItem: '' }, text)]);
}

describe('carry forward', () => {
  it('carries only open items into "Opfølgning fra sidste møde", linked to their origin, and joins a series', () => {
    const prev = referat('Driftsmøde 1');
    addItem(prev, 'Status', 'a1', 'Opdatér driftsvejledningen');
    addItem(prev, 'Beslutninger', 'a2', 'Bestil ny server', true);
    addItem(prev, 'Eventuelt', 'a3', 'Send tidsplan');
    const next = referat('Driftsmøde 2');
    expect(carryForward(prev, 'prev-id', next, ids)).toBe(2);

    const carried = readStructure(next).actionItems;
    expect(carried.map((a) => [a.text, a.done, a.originDoc, a.originItem, a.owner, a.due])).toEqual([
      ['Opdatér driftsvejledningen', false, 'prev-id', 'a1', 'Bo Lund', '2026-03-15'],
      ['Send tidsplan', false, 'prev-id', 'a3', 'Bo Lund', '2026-03-15'],
    ]);
    const followUp = readStructure(next).agendaItems.find((a) => a.title === 'Opfølgning fra sidste møde');
    expect(carried.every((a) => a.agendaItemId === followUp?.id)).toBe(true);
    expect(seriesOf(next)).toEqual(seriesOf(prev));
    expect(seriesOf(prev)?.seriesName).toBe('Driftsmøde 1');
    expect(next.getMap('meta').get('previousId')).toBe('prev-id');
    expect(readMeta(next).title).toBe('Driftsmøde 2');
  });

  it('adds a follow-up agenda item when the template has none, and carries nothing when all are done', () => {
    const prev = referat('Møde A');
    addItem(prev, 'Status', 'x', 'Gøres');
    const next = referat('Møde B', BLANK_TEMPLATE);
    carryForward(prev, 'A', next, ids);
    expect(readStructure(next).agendaItems.map((a) => a.title)).toEqual(['Opfølgning fra sidste møde']);
    setActionItemDone(prev, 'x', true);
    const third = referat('Møde C');
    expect(carryForward(prev, 'A', third, ids)).toBe(0);
    expect(readStructure(third).actionItems).toEqual([]);
  });
});
