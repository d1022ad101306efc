// The Markdown export: agenda items as numbered headings, recognisable decisions, task lines, escaped user text.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, referatMarkdown } from './referatMarkdown';
import { richReferatTrust } from '../../tests/unit/export/trustFixture';
import { APPROVAL_HASH, DECISION_TEXT, RICH_AGENDA, SECOND_DECISION, richReferatFixture } from '../testSupport/richReferatFixture';

const md = referatMarkdown(richReferatFixture(), richReferatTrust(), { lang: 'da' });
const lines = md.split('\n');

describe('referatMarkdown', () => {
  it('has the title, meeting details and participants with attendance', () => {
    expect(lines[0]).toBe('# Driftsmøde med Leverandør A/S');
    for (const s of ['- **Dato:** 30. november 2026', '- **Tidspunkt:** 10:00–11:30', '- **Status:** Til godkendelse', '- **Møderække:** Driftsmøder 2026']) {
      expect(lines).toContain(s);
    }
    expect(lines).toContain('| Bo Hansen | Leverandør A/S | Projektleder | Til stede |');
    expect(lines).toContain('| Carla Møller | Leverandør A/S | Driftschef | Fraværende |');
  });

  it('makes every agenda item a numbered level-2 heading, with case number and KLE code', () => {
    const agenda = lines.filter((l) => /^## \d+\. /.test(l));
    expect(agenda).toHaveLength(RICH_AGENDA.length);
    expect(agenda.slice(0, 6)).toEqual(RICH_AGENDA.slice(0, 6).map((t, i) => `## ${i + 1}. ${t}`));
    expect(agenda[6]).toBe('## 7. Sikkerhed \\<img src=x onerror=alert(1)\\> & "citat" \\</w:t\\>\\<w:t\\>');
    expect(lines).toContain('*Sagsnummer: 26-001234 · KLE-nummer: 00.01.00*');
  });

  it('marks decisions and writes action items as task lines', () => {
    expect(lines).toContain(`> **Beslutning:** ${DECISION_TEXT}`);
    expect(lines).toContain(`> **Beslutning:** ${SECOND_DECISION}`);
    expect(lines).toContain('- [ ] Opgradér serveren — Ansvarlig: Bo Hansen (Leverandør A/S) — Frist: 2026-12-15');
    expect(lines).toContain('- [x] Send budget til økonomi — Ansvarlig: Anne Jensen (Aarhus Kommune)');
  });

  it('keeps marks, allowed links, lists, quotes and line breaks', () => {
    expect(lines).toContain('Se [vejledningen](<https://example.dk/vejledning?a=1&b=2>) og klik her – ***vigtigt***');
    expect(md).toContain('- Oppetid 99,9 %\n- To hændelser');
    expect(md).toContain('3. Tredje punkt\n4. Fjerde punkt');
    expect(lines).toContain('> Citat fra driftsrapporten');
    expect(md).toContain('Linje et\\\nLinje to');
  });

  it('escapes Markdown and HTML in user text, and never links javascript:', () => {
    expect(md).not.toMatch(/(?<!\\)\]\(<?javascript:/i);
    expect(md).not.toMatch(/(?<!\\)<(img|script|b|\/?w:)/);
    expect(lines).toContain(
      '- [ ] Luk hul i \\</w:t\\>\\</w:r\\>\\</w:p\\>\\<w:p\\> & \\<script\\>alert(2)\\</script\\> \\*fed\\* \\[link\\](javascript:x) — Ansvarlig: Eve \\<img\\> (Org & Co) — Frist: 2027-01-10',
    );
    expect(lines).toContain('Styretegn og fjernes; \\# ikke overskrift, 1. ikke liste');
    expect(escapeMarkdown('a|b *c* _d_ `e` ~f~ &amp; \\ [g]')).toBe('a\\|b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\&amp; \\\\ \\[g\\]');
    expect(escapeMarkdown('linje\nto\u0001')).toBe('linje to');
  });

  it('lists the approval with its hash, or says there is none', () => {
    expect(md).toContain(`| Anne Jensen | Aarhus Kommune | 30. november 2026 kl. 13.15 (CET) | gælder den nuværende version | bekræftet nøgle | 90FA CAFE A9B1 5566 9854 0F70 C011 7A22 | ${APPROVAL_HASH} |`);
    expect(referatMarkdown(richReferatFixture(), richReferatTrust(), { lang: 'en' })).toContain('> **Decision:** ');
  });
});
