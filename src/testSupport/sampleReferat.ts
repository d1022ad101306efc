// A referat Y.Doc for package and backup tests: standard template, parties, an agenda item with case number and
// KLE code, a paragraph of text, and optionally a passage typed and then deleted (what a "current text" copy drops).
import * as Y from 'yjs';
import { initReferat } from '../core/initReferat';
import { addParticipant } from '../core/participants';
import { bodyFragment, metaMap, newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';

export interface SampleReferat {
  id: string;
  title: string;
  date: string;
  organisation: string;
  text: string;
  deleted?: string;
  status?: 'draft' | 'proposed' | 'approved';
  caseNumber?: string;
  kleCode?: string;
}

export function sampleReferat(s: SampleReferat): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, {
    id: s.id,
    title: s.title,
    date: s.date,
    createdAt: `${s.date}T08:00:00.000Z`,
    template: STANDARD_TEMPLATE,
    creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
  });
  addParticipant(doc, { name: 'Bo Lund', organisation: s.organisation, organisationKind: 'leverandoer', role: 'Projektleder', present: true });
  const body = bodyFragment(doc);
  const agenda = new Y.XmlElement('agendaItem');
  const title = new Y.XmlElement('agendaTitle');
  const para = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => {
    agenda.setAttribute('id', `agenda-${s.id.slice(0, 8)}`);
    agenda.setAttribute('caseNumber', s.caseNumber ?? '');
    agenda.setAttribute('kleCode', s.kleCode ?? '');
    title.insert(0, [new Y.XmlText('Drift og stabilitet')]);
    para.insert(0, [text]);
    agenda.insert(0, [title, para]);
    body.insert(body.length, [agenda]);
    if (s.status) metaMap(doc).set('status', s.status);
  });
  if (s.deleted) {
    text.insert(0, s.deleted);
    text.delete(0, s.deleted.length);
  }
  text.insert(0, s.text);
  return doc;
}

export const newSampleId = newReferatId;
