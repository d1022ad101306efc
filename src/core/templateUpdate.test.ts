import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { newReferatDoc } from './referatDoc';
import { seedTemplate, templateUpdate } from './templateUpdate';
import { readStructure } from './structure';
import { STANDARD_TEMPLATE, TEMPLATES } from './templates';

const agendaText = STANDARD_TEMPLATE.agenda.join('\n');

describe('template seeding', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('seeds %s once, byte-identically', (_id, template) => {
    const a = newReferatDoc();
    seedTemplate(a, template);
    seedTemplate(a, template);
    expect(readStructure(a).agendaItems.map((x) => x.title)).toEqual([...template.agenda]);
  });

  it('seeds the Danish standard agenda as numbered agenda items, each with a title and an empty paragraph', () => {
    const doc = newReferatDoc();
    seedTemplate(doc, STANDARD_TEMPLATE);
    expect(bodyText(doc)).toBe(agendaText);
    const first = doc.getXmlFragment('body').get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('agendaItem');
    expect(first.getAttribute('id')).toBe('standard-2-1');
    expect((first.get(0) as Y.XmlElement).nodeName).toBe('agendaTitle');
    expect((first.get(1) as Y.XmlElement).nodeName).toBe('paragraph');
    expect(readStructure(doc).agendaItems.map((a) => `${a.number}. ${a.title}`)).toEqual(STANDARD_TEMPLATE.agenda.map((t, i) => `${i + 1}. ${t}`));
    expect(STANDARD_TEMPLATE.agenda).toContain('Godkendelse af dagsorden');
    expect(STANDARD_TEMPLATE.agenda.at(-1)).toBe('Eventuelt');
  });

  it('is byte-identical every time, so seeding twice changes nothing', () => {
    expect(templateUpdate(STANDARD_TEMPLATE)).toEqual(templateUpdate(STANDARD_TEMPLATE));
    const doc = newReferatDoc();
    seedTemplate(doc, STANDARD_TEMPLATE);
    const before = Y.encodeStateAsUpdate(doc);
    seedTemplate(doc, STANDARD_TEMPLATE);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('two peers that each seed a fresh copy merge into one agenda, not two', () => {
    const a = newReferatDoc();
    const b = newReferatDoc();
    seedTemplate(a, STANDARD_TEMPLATE);
    seedTemplate(b, STANDARD_TEMPLATE);
    a.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(bodyText(a)).toBe(agendaText);
    expect(a.getXmlFragment('body').length).toBe(STANDARD_TEMPLATE.agenda.length + 1);
    expect(a.getXmlFragment('body').toString()).toBe(b.getXmlFragment('body').toString());
  });
});
