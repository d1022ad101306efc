// Reads the structured parts of a referat's body: agenda items (numbered in order), decisions and action
// items, each with the agenda item it belongs to. Readers never trust attribute types from peers.
// An action item's `done` is the effective one: its `followUp` entry when there is one, else the body attribute.
import * as Y from 'yjs';
import { ACTION_ITEM, AGENDA_ITEM, AGENDA_TITLE, DECISION, type ActionItemAttrs } from './bodyNodes';
import { clearFollowUp, readFollowUp, writeFollowUp, type FollowUpEntry } from './followUpState';
import { bodyFragment } from './referatDoc';
import { setXmlAttribute, xmlAttribute } from './xmlAttribute';
import { xmlPlainText } from './xmlText';

export interface AgendaItemInfo {
  id: string;
  number: number;
  title: string;
  caseNumber: string;
  kleCode: string;
}

export interface DecisionInfo {
  id: string;
  text: string;
  agendaItemId: string | null;
}

export interface ActionItemInfo extends ActionItemAttrs {
  text: string;
  agendaItemId: string | null;
  /** Present (true) when `done` comes from the `followUp` map (ticked outside the referat's editor), not the body. */
  doneFollowUp?: true;
}

export interface ReferatStructure {
  agendaItems: AgendaItemInfo[];
  decisions: DecisionInfo[];
  actionItems: ActionItemInfo[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const str = (el: Y.XmlElement, key: string, max = 500): string => {
  const v: unknown = el.getAttribute(key);
  return typeof v === 'string' ? v.slice(0, max) : '';
};

function walk(node: Y.XmlElement | Y.XmlFragment, agendaId: string | null, out: ReferatStructure, followUp: Map<string, FollowUpEntry>): void {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === AGENDA_ITEM) {
      const id = str(child, 'id', 100);
      const titleEl = child.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === AGENDA_TITLE);
      out.agendaItems.push({
        id,
        number: out.agendaItems.length + 1,
        title: titleEl ? xmlPlainText(titleEl) : '',
        caseNumber: str(child, 'caseNumber', 100),
        kleCode: str(child, 'kleCode', 100),
      });
      walk(child, id, out, followUp);
    } else if (child.nodeName === DECISION) {
      out.decisions.push({ id: str(child, 'id', 100), text: xmlPlainText(child), agendaItemId: agendaId });
    } else if (child.nodeName === ACTION_ITEM) {
      const due = str(child, 'due', 10);
      const id = str(child, 'id', 100);
      const ticked = id === '' ? undefined : followUp.get(id);
      out.actionItems.push({
        id,
        text: xmlPlainText(child),
        owner: str(child, 'owner', 200),
        ownerOrganisation: str(child, 'ownerOrganisation', 200),
        due: DATE.test(due) ? due : '',
        done: ticked ? ticked.done : xmlAttribute(child, 'done') === true,
        originDoc: str(child, 'originDoc', 100),
        originItem: str(child, 'originItem', 100),
        agendaItemId: agendaId,
        ...(ticked ? { doneFollowUp: true as const } : {}),
      });
    } else {
      walk(child, agendaId, out, followUp);
    }
  }
}

export function readStructure(doc: Y.Doc): ReferatStructure {
  const out: ReferatStructure = { agendaItems: [], decisions: [], actionItems: [] };
  walk(bodyFragment(doc), null, out, readFollowUp(doc));
  return out;
}

function findElement(node: Y.XmlElement | Y.XmlFragment, name: string, id: string): Y.XmlElement | null {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === name && child.getAttribute('id') === id) return child;
    const found = findElement(child, name, id);
    if (found) return found;
  }
  return null;
}

/**
 * Ticks an action item off (or on again) in the body, as its own editor does: writes the `done` attribute and drops
 * any `followUp` entry in one transaction. This changes the signed content. Returns false if there is no such item.
 */
export function setActionItemDone(doc: Y.Doc, itemId: string, done: boolean): boolean {
  const el = findElement(bodyFragment(doc), ACTION_ITEM, itemId);
  if (!el) return false;
  doc.transact(() => {
    if (xmlAttribute(el, 'done') !== done) setXmlAttribute(el, 'done', done);
    clearFollowUp(doc, itemId);
  });
  return true;
}

/**
 * Records a tick made outside the referat's editor (Opfølgning, a later meeting) in the `followUp` map, never in the
 * body, so approvals keep holding. A no-op when the item already reads so. Returns false if there is no such item.
 */
export function recordActionItemDone(doc: Y.Doc, itemId: string, done: boolean, by: string, at: Date = new Date()): boolean {
  if (itemId === '' || !findElement(bodyFragment(doc), ACTION_ITEM, itemId)) return false;
  const item = readStructure(doc).actionItems.find((a) => a.id === itemId);
  if (item?.done === done) return true;
  writeFollowUp(doc, itemId, { done, at: at.toISOString(), by });
  return true;
}

export function findAgendaItem(doc: Y.Doc, predicate: (title: string) => boolean): Y.XmlElement | null {
  for (const child of bodyFragment(doc).toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== AGENDA_ITEM) continue;
    const titleEl = child.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === AGENDA_TITLE);
    if (predicate(titleEl ? xmlPlainText(titleEl) : '')) return child;
  }
  return null;
}
