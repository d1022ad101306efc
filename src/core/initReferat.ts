// Fills a new, empty referat Y.Doc: format version, meeting details, the creator as participant, and the template.
import * as Y from 'yjs';
import { FORMAT_VERSION } from './formatVersion';
import { addParticipant } from './participants';
import type { Profile } from './profile';
import { metaMap } from './referatDoc';
import { seedTemplate } from './templateUpdate';
import type { Template } from './templates';

export interface NewReferat {
  id: string;
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
  createdAt: string;
  template: Template;
  creator: Profile;
}

export function initReferat(doc: Y.Doc, r: NewReferat): void {
  if (metaMap(doc).has('formatVersion')) throw new Error('This referat has already been created');
  doc.transact(() => {
    const m = metaMap(doc);
    m.set('formatVersion', FORMAT_VERSION);
    m.set('id', r.id);
    m.set('title', new Y.Text(r.title));
    m.set('date', r.date);
    m.set('startTime', '');
    m.set('endTime', '');
    m.set('location', '');
    m.set('status', 'draft');
    m.set('createdAt', r.createdAt);
    m.set('template', `${r.template.id}@${r.template.version}`);
    addParticipant(doc, {
      name: r.creator.name,
      organisation: r.creator.organisation,
      organisationKind: r.creator.organisationKind,
      role: '',
      present: true,
    });
  });
  seedTemplate(doc, r.template);
}
