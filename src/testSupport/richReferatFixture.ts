// A rich referat for the exporters' tests: every node kind, marks, links (one hostile), participants, an
// approval, and text that tries to break out of HTML, XML and Markdown. Built with core only, as the app would.
import * as Y from 'yjs';
import { actionItemElement } from '../core/actionItemElement';
import { AGENDA_ITEM, AGENDA_TITLE, DECISION, PARAGRAPH } from '../core/bodyNodes';
import { initReferat } from '../core/initReferat';
import { setMetaField } from '../core/meta';
import { addParticipant } from '../core/participants';
import { approvalsArray, bodyFragment, metaMap, newReferatDoc } from '../core/referatDoc';
import { STANDARD_TEMPLATE } from '../core/templates';

export const HOSTILE_TITLE = 'Sikkerhed <img src=x onerror=alert(1)> & "citat" </w:t><w:t>';
export const HOSTILE_ACTION = 'Luk hul i </w:t></w:r></w:p><w:p> & <script>alert(2)</script> *fed* [link](javascript:x)';
export const DECISION_TEXT = 'Leverandøren opgraderer serveren inden 15. december.';
export const SECOND_DECISION = 'Kommunen godkender budgettet på 120.000 kr.';
export const APPROVAL_HASH = 'ab'.repeat(32);
export const REFERAT_ID = '0a1b2c3d-1111-4222-8333-444455556666';

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
}

const text = (s: string) => new Y.XmlText(s);
const paragraph = (s: string) => element(PARAGRAPH, [text(s)]);

function agendaItem(id: string, title: string, caseNumber: string, kleCode: string, blocks: Y.XmlElement[]): Y.XmlElement {
  return element(AGENDA_ITEM, [element(AGENDA_TITLE, [text(title)]), ...blocks], { id, caseNumber, kleCode });
}

/** The agenda titles in order, as the exporters should number them. */
export const RICH_AGENDA = [
  'Godkendelse af dagsorden',
  'Opfølgning fra sidste møde',
  'Status',
  'Beslutninger',
  'Næste møde',
  'Eventuelt',
  HOSTILE_TITLE,
];

export function richReferatFixture(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, {
    id: REFERAT_ID,
    title: 'Driftsmøde med Leverandør A/S',
    date: '2026-11-30',
    createdAt: '2026-11-30T09:00:00.000Z',
    template: STANDARD_TEMPLATE,
    creator: { name: 'Anne Jensen', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
  });
  setMetaField(doc, 'startTime', '10:00');
  setMetaField(doc, 'endTime', '11:30');
  setMetaField(doc, 'location', 'Rådhuset, mødelokale 2');
  metaMap(doc).set('status', 'proposed');
  metaMap(doc).set('seriesName', 'Driftsmøder 2026');
  addParticipant(doc, { name: 'Bo Hansen', organisation: 'Leverandør A/S', organisationKind: 'leverandoer', role: 'Projektleder', present: true });
  addParticipant(doc, { name: 'Carla Møller', organisation: 'Leverandør A/S', organisationKind: 'leverandoer', role: 'Driftschef', present: false });

  const body = bodyFragment(doc);
  const items = body.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === AGENDA_ITEM);
  doc.transact(() => {
    const first = items[0] as Y.XmlElement;
    first.setAttribute('caseNumber', '26-001234');
    first.setAttribute('kleCode', '00.01.00');
    // Item 2: marks and links, one of them hostile.
    const marked = text('');
    const second = items[1] as Y.XmlElement;
    second.insert(second.length, [element(PARAGRAPH, [marked])]);
    // Yjs carries the marks at the end of a text onto what is appended, unless they are set to null.
    const append = (s: string, marks: Record<string, unknown> = {}) =>
      marked.insert(marked.length, s, { link: null, bold: null, italic: null, ...marks });
    append('Se ');
    append('vejledningen', { link: { href: 'https://example.dk/vejledning?a=1&b=2' } });
    append(' og ');
    append('klik her', { link: { href: 'javascript:alert(3)' } });
    append(' – ');
    append('vigtigt', { bold: {}, italic: {} });
    // Item 3: headings, lists, quote, rule, line break.
    const third = items[2] as Y.XmlElement;
    third.insert(third.length, [
      element('heading', [text('Drift')], { level: 3 }),
      element('bulletList', [element('listItem', [paragraph('Oppetid 99,9 %')]), element('listItem', [paragraph('To hændelser')])]),
      element('orderedList', [element('listItem', [paragraph('Tredje punkt')]), element('listItem', [paragraph('Fjerde punkt')])], { start: 3 }),
      element('blockquote', [paragraph('Citat fra driftsrapporten')]),
      element('horizontalRule', []),
      element(PARAGRAPH, [text('Linje et'), element('hardBreak', []), text('Linje to')]),
    ]);
    // Item 4: two decisions and action items.
    const fourth = items[3] as Y.XmlElement;
    fourth.insert(fourth.length, [
      element(DECISION, [paragraph(DECISION_TEXT)], { id: 'd1' }),
      actionItemElement({ id: 'a1', owner: 'Bo Hansen', ownerOrganisation: 'Leverandør A/S', due: '2026-12-15', done: false, originDoc: '', originItem: '' }, 'Opgradér serveren'),
      actionItemElement({ id: 'a2', owner: 'Anne Jensen', ownerOrganisation: 'Aarhus Kommune', due: '', done: true, originDoc: '', originItem: '' }, 'Send budget til økonomi'),
      element(DECISION, [paragraph(SECOND_DECISION)], { id: 'd2' }),
    ]);
    // A seventh item, added by a peer, whose title and action item try to break out of the markup.
    body.insert(body.length, [
      agendaItem('x1', HOSTILE_TITLE, '<b>26-9</b>', '"00.01"', [
        paragraph('Styretegn\u0001 og \uFFFF fjernes; # ikke overskrift, 1. ikke liste'),
        actionItemElement({ id: 'a3', owner: 'Eve <img>', ownerOrganisation: 'Org & Co', due: '2027-01-10', done: false, originDoc: '', originItem: '' }, HOSTILE_ACTION),
      ]),
    ]);
    const approval = new Y.Map<unknown>();
    approvalsArray(doc).push([approval]);
    approval.set('id', 'ap1');
    approval.set('name', 'Anne Jensen');
    approval.set('organisation', 'Aarhus Kommune');
    approval.set('organisationKind', 'kommune');
    approval.set('fingerprint', '90FA CAFE A9B1 5566 9854 0F70 C011 7A22');
    approval.set('approvedAt', '2026-11-30T12:15:00.000Z');
    approval.set('contentHash', APPROVAL_HASH);
  });
  return doc;
}
