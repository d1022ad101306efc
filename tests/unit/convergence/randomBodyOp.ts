// One random edit of a referat's body, as y-prosemirror would make it: typing, deleting, formatting, new blocks
// (paragraphs, headings, lists, decisions, action items, agenda items) and changed attributes.
import * as Y from 'yjs';
import { actionItemElement } from '../../../src/core/actionItemElement';
import { ACTION_ITEM, AGENDA_ITEM, AGENDA_TITLE, DECISION, PARAGRAPH } from '../../../src/core/bodyNodes';
import { bodyFragment } from '../../../src/core/referatDoc';
import { setActionItemDone } from '../../../src/core/structure';
import { agendaItemElement } from '../../../src/core/templateUpdate';
import { setXmlAttribute } from '../../../src/core/xmlAttribute';
import type { Prng } from './prng';
import { ORGS, randomDate, randomName, randomWords, WORDS } from './randomValues';

const MARKS: ReadonlyArray<Record<string, unknown>> = [
  { bold: {} },
  { bold: null },
  { italic: {} },
  { italic: null },
  { strike: {} },
  { underline: {} },
  { link: { href: 'https://example.org/referat', target: '_blank', rel: 'noopener noreferrer nofollow' } },
  { link: null },
  { bold: {}, italic: {} },
];

interface BodyTree {
  /** elements whose children are text: paragraph, heading, agendaTitle, actionItem */
  textBlocks: Y.XmlElement[];
  /** every element but agenda titles (an agenda item keeps its title), with its parent, for deletion */
  elements: Array<{ el: Y.XmlElement; parent: Y.XmlFragment }>;
  /** places a block may be inserted: the body, list items, agenda items (after the title), decisions */
  containers: Y.XmlFragment[];
  lists: Y.XmlElement[];
  headings: Y.XmlElement[];
  agendaItems: Y.XmlElement[];
  actionItems: Y.XmlElement[];
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', AGENDA_TITLE, ACTION_ITEM]);
const CONTAINERS = new Set(['listItem', AGENDA_ITEM, DECISION]);

function walkBody(doc: Y.Doc): BodyTree {
  const body = bodyFragment(doc);
  const tree: BodyTree = { textBlocks: [], elements: [], containers: [body], lists: [], headings: [], agendaItems: [], actionItems: [] };
  const visit = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const name = child.nodeName;
      if (name !== AGENDA_TITLE) tree.elements.push({ el: child, parent });
      if (TEXT_BLOCKS.has(name)) tree.textBlocks.push(child);
      if (CONTAINERS.has(name)) tree.containers.push(child);
      if (name === 'heading') tree.headings.push(child);
      if (name === 'bulletList') tree.lists.push(child);
      if (name === AGENDA_ITEM) tree.agendaItems.push(child);
      if (name === ACTION_ITEM) tree.actionItems.push(child);
      if (name === 'bulletList' || CONTAINERS.has(name)) visit(child);
    }
  };
  visit(body);
  return tree;
}

function paragraph(rng: Prng, p = 0.7): Y.XmlElement {
  const el = new Y.XmlElement(PARAGRAPH);
  if (rng.bool(p)) el.insert(0, [new Y.XmlText(randomWords(rng))]);
  return el;
}

function newListItem(rng: Prng): Y.XmlElement {
  const item = new Y.XmlElement('listItem');
  item.insert(0, [paragraph(rng, 1)]);
  return item;
}

/** A new block that fits in `parent`, as the editor's schema would allow. */
function newBlock(parent: Y.XmlFragment, rng: Prng): Y.XmlElement {
  const where = parent instanceof Y.XmlElement ? parent.nodeName : 'body';
  if (where === DECISION) return paragraph(rng);
  const kind = rng.weighted({
    paragraph: 10,
    heading: 3,
    bulletList: where === 'listItem' ? 0 : 1.5,
    decision: where === 'listItem' ? 0 : 1.5,
    actionItem: where === 'listItem' ? 0 : 2,
    agendaItem: where === 'body' ? 2 : 0,
  });
  switch (kind) {
    case 'heading': {
      const heading = new Y.XmlElement('heading');
      setXmlAttribute(heading, 'level', rng.range(2, 3));
      heading.insert(0, [new Y.XmlText(randomWords(rng))]);
      return heading;
    }
    case 'bulletList': {
      const list = new Y.XmlElement('bulletList');
      list.insert(0, Array.from({ length: rng.range(1, 2) }, () => newListItem(rng)));
      return list;
    }
    case 'decision': {
      const d = new Y.XmlElement(DECISION);
      d.setAttribute('id', rng.uuid());
      d.insert(0, [paragraph(rng, 1)]);
      return d;
    }
    case 'actionItem':
      return actionItemElement(
        { id: rng.uuid(), owner: randomName(rng), ownerOrganisation: rng.pick(ORGS), due: rng.bool() ? randomDate(rng) : '', done: false, originDoc: '', originItem: '' },
        randomWords(rng),
      );
    case 'agendaItem':
      return agendaItemElement(rng.uuid(), randomWords(rng));
    default:
      return paragraph(rng);
  }
}

function textsOf(block: Y.XmlElement): Y.XmlText[] {
  return block.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
}

/** One random edit of the body, as y-prosemirror would make it; returns a description for the log. */
export function randomBodyOp(doc: Y.Doc, rng: Prng): string {
  const tree = walkBody(doc);
  const kind = rng.weighted({
    insertText: tree.textBlocks.length ? 30 : 0,
    deleteText: tree.textBlocks.length ? 12 : 0,
    format: tree.textBlocks.length ? 8 : 0,
    insertBlock: 10,
    insertListItem: tree.lists.length ? 2 : 0,
    deleteElement: tree.elements.length > 2 ? 5 : 0,
    headingLevel: tree.headings.length ? 1.5 : 0,
    agendaAttribute: tree.agendaItems.length ? 1.5 : 0,
    actionItemDone: tree.actionItems.length ? 2 : 0,
    actionItemAttribute: tree.actionItems.length ? 1.5 : 0,
  });
  switch (kind) {
    case 'insertText': {
      const block = rng.pick(tree.textBlocks);
      const texts = textsOf(block);
      if (texts.length === 0 || rng.bool(0.05)) {
        const at = rng.int(block.length + 1);
        block.insert(at, [new Y.XmlText(rng.pick(WORDS))]);
        return `body: new text node in <${block.nodeName}> at ${at}`;
      }
      const t = rng.pick(texts);
      const at = rng.int(t.length + 1);
      const word = rng.bool(0.6) ? ([...rng.pick(WORDS)][0] ?? 'x') : ` ${rng.pick(WORDS)}`;
      if (rng.bool(0.15)) t.insert(at, word, { ...rng.pick(MARKS) } as Record<string, unknown>);
      else t.insert(at, word);
      return `body: insert ${JSON.stringify(word)} at ${at} in <${block.nodeName}>`;
    }
    case 'deleteText': {
      const texts = textsOf(rng.pick(tree.textBlocks)).filter((t) => t.length > 0);
      if (texts.length === 0) return 'body: nothing to delete';
      const t = rng.pick(texts);
      const at = rng.int(t.length);
      const len = Math.min(t.length - at, rng.range(1, 6));
      t.delete(at, len);
      return `body: delete ${len} at ${at}`;
    }
    case 'format': {
      const texts = textsOf(rng.pick(tree.textBlocks)).filter((t) => t.length > 0);
      if (texts.length === 0) return 'body: nothing to format';
      const t = rng.pick(texts);
      const at = rng.int(t.length);
      const len = Math.min(t.length - at, rng.range(1, 10));
      const marks = rng.pick(MARKS);
      t.format(at, len, { ...marks });
      return `body: format ${at}+${len} ${JSON.stringify(marks)}`;
    }
    case 'insertBlock': {
      const parent = rng.pick(tree.containers);
      const isAgenda = parent instanceof Y.XmlElement && parent.nodeName === AGENDA_ITEM;
      // Inside an agenda item the title stays first.
      const at = isAgenda ? 1 + rng.int(parent.length) : rng.int(parent.length + 1);
      const block = newBlock(parent, rng);
      parent.insert(Math.min(at, parent.length), [block]);
      return `body: insert <${block.nodeName}> at ${at} in <${parent instanceof Y.XmlElement ? parent.nodeName : 'body'}>`;
    }
    case 'insertListItem': {
      const list = rng.pick(tree.lists);
      const at = rng.int(list.length + 1);
      list.insert(at, [newListItem(rng)]);
      return `body: insert listItem at ${at}`;
    }
    case 'deleteElement': {
      const { el, parent } = rng.pick(tree.elements);
      const at = parent.toArray().indexOf(el);
      const len = Math.min(parent.length - at, rng.bool(0.8) ? 1 : 2);
      parent.delete(at, len);
      return `body: delete ${len} element(s) at ${at} (<${el.nodeName}>)`;
    }
    case 'headingLevel': {
      const h = rng.pick(tree.headings);
      const level = rng.range(2, 3);
      setXmlAttribute(h, 'level', level);
      return `body: heading level ${level}`;
    }
    case 'agendaAttribute': {
      const item = rng.pick(tree.agendaItems);
      const key = rng.pick(['caseNumber', 'kleCode']);
      const value = rng.bool(0.2) ? '' : `${rng.range(1, 99)}.${rng.range(0, 99)}`;
      item.setAttribute(key, value);
      return `body: agenda item ${key}=${JSON.stringify(value)}`;
    }
    case 'actionItemDone': {
      const id = rng.pick(tree.actionItems).getAttribute('id');
      const done = rng.bool();
      if (typeof id === 'string') setActionItemDone(doc, id, done);
      return `body: action item ${String(id).slice(0, 8)} done=${String(done)}`;
    }
    case 'actionItemAttribute': {
      const item = rng.pick(tree.actionItems);
      if (rng.bool()) {
        const due = rng.bool(0.2) ? '' : randomDate(rng);
        item.setAttribute('due', due);
        return `body: action item due=${due}`;
      }
      const owner = randomName(rng);
      item.setAttribute('owner', owner);
      return `body: action item owner=${JSON.stringify(owner)}`;
    }
  }
  return 'body: nothing';
}
