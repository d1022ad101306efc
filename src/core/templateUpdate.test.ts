import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { newReferatDoc } from './referatDoc';
import { seedTemplate, templateUpdate } from './templateUpdate';
import { STANDARD_TEMPLATE } from './templates';

const agendaText = STANDARD_TEMPLATE.agenda.join('\n');

describe('template seeding', () => {
  it('seeds the Danish standard agenda as headings with an empty paragraph after each', () => {
    const doc = newReferatDoc();
    seedTemplate(doc, STANDARD_TEMPLATE);
    expect(bodyText(doc)).toBe(agendaText);
    const first = doc.getXmlFragment('body').get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('heading');
    expect(first.getAttribute('level')).toBe(2);
    expect((doc.getXmlFragment('body').get(1) as Y.XmlElement).nodeName).toBe('paragraph');
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
    expect(a.getXmlFragment('body').length).toBe(STANDARD_TEMPLATE.agenda.length * 2 + 1);
    expect(a.getXmlFragment('body').toString()).toBe(b.getXmlFragment('body').toString());
  });
});
