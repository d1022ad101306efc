// The HTML export of a rich referat: content, structure, accessibility, and hostile text kept inert.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initReferat } from '../core/initReferat';
import { approvalsArray, bodyFragment, metaMap, newReferatDoc, participantsArray } from '../core/referatDoc';
import { BLANK_TEMPLATE } from '../core/templates';
import { referatHtml } from './referatHtml';
import { richReferatTrust, trustState } from '../../tests/unit/export/trustFixture';
import { APPROVAL_HASH, DECISION_TEXT, HOSTILE_ACTION, HOSTILE_TITLE, RICH_AGENDA, SECOND_DECISION, richReferatFixture } from '../testSupport/richReferatFixture';

const html = referatHtml(richReferatFixture(), richReferatTrust(), { lang: 'da' });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('referatHtml', () => {
  it('is one standalone Danish document with no script and nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/url\(|@import|<[^>]*\ssrc=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
    expect(html).toContain('counter(pages)');
  });

  it('shows the meeting details, participants with attendance, and the approval with its hash', () => {
    expect(html).toContain('<h1>Driftsmøde med Leverandør A/S</h1>');
    for (const s of ['30. november 2026', '10:00–11:30', 'Rådhuset, mødelokale 2', 'Til godkendelse', 'Driftsmøder 2026']) expect(html).toContain(s);
    expect(html).toContain('<tr><th scope="row">Bo Hansen</th><td>Leverandør A/S</td><td>Projektleder</td><td>Til stede</td></tr>');
    expect(html).toContain('<tr><th scope="row">Carla Møller</th><td>Leverandør A/S</td><td>Driftschef</td><td>Fraværende</td></tr>');
    expect(html).toContain(APPROVAL_HASH);
    expect(html).toContain('90FA CAFE A9B1 5566 9854 0F70 C011 7A22');
    expect(html).toContain('30. november 2026 kl. 13.15');
    expect(html).not.toContain('Ingen godkendelser');
  });

  it('numbers every agenda item as the app does, with case number and KLE code', () => {
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(RICH_AGENDA.map((t, i) => `${i + 1}. ${esc(t)}`));
    expect(html).toContain('Sagsnummer: 26-001234 · KLE-nummer: 00.01.00');
  });

  it('marks decisions and lists action items with what, owner, organisation, due date and status', () => {
    expect(html).toContain(`<div class="decision"><p class="decision-label">Beslutning:</p><p>${DECISION_TEXT}</p></div>`);
    expect(html).toContain(`<p>${SECOND_DECISION}</p></div>`);
    expect(html).toContain(
      '<tr><th scope="row">Opgradér serveren</th><td>Bo Hansen</td><td>Leverandør A/S</td><td><time datetime="2026-12-15">15. december 2026</time></td><td>Åben</td></tr>',
    );
    expect(html).toMatch(/<th scope="row">Send budget til økonomi<\/th><td>Anne Jensen<\/td><td>Aarhus Kommune<\/td><td><\/td><td><span class="done">✓ Udført<\/span><\/td>/);
  });

  it('keeps the body: marks, allowed links, lists from their start, quotes and line breaks', () => {
    expect(html).toContain('<a href="https://example.dk/vejledning?a=1&amp;b=2" rel="noopener noreferrer">vejledningen</a>');
    expect(html).toContain('<em><strong>vigtigt</strong></em>');
    expect(html).toContain('<h3>Drift</h3>');
    expect(html).toContain('<ol start="3"><li><p>Tredje punkt</p></li>');
    expect(html).toContain('<blockquote><p>Citat fra driftsrapporten</p></blockquote>');
    expect(html).toContain('<p>Linje et<br>Linje to</p>');
  });

  it('escapes hostile text and attributes, drops control characters, and never links javascript:', () => {
    expect(html).toContain(esc(HOSTILE_TITLE));
    expect(html).toContain(`<th scope="row">${esc(HOSTILE_ACTION).replace(/'/g, '&#39;')}</th>`);
    expect(html).toContain('<td>Eve &lt;img&gt;</td><td>Org &amp; Co</td>');
    expect(html).toContain('Sagsnummer: &lt;b&gt;26-9&lt;/b&gt; · KLE-nummer: &quot;00.01&quot;');
    expect(html).not.toMatch(/href="(?!https?:|mailto:)/);
    expect(html).toContain(' og klik her – ');
    expect(html.includes('\u0001') || html.includes('\uFFFF')).toBe(false);
  });

  it('keeps headings in order and gives every table header a scope', () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
    expect(html.match(/<th(?!ead)(?![^>]*scope="(col|row)")[^>]*>/g)).toBeNull();
  });

  it('says "Ingen godkendelser" without approvals, writes English when asked, and reads malformed values as empty', () => {
    const doc = newReferatDoc();
    initReferat(doc, {
      id: 'id-1',
      title: 'Tomt',
      date: '2026-01-05',
      createdAt: '2026-01-05T08:00:00Z',
      template: BLANK_TEMPLATE,
      creator: { name: 'A', organisation: 'B', organisationKind: 'kommune' },
    });
    expect(referatHtml(doc, trustState(), { lang: 'da' })).toContain('<p>Ingen godkendelser</p>');
    // A peer writes values of the wrong type: they read as empty and never throw.
    doc.transact(() => {
      metaMap(doc).set('location', 42);
      metaMap(doc).set('status', 'hacked');
      participantsArray(doc).push([new Y.Map<unknown>([['name', 'no id']])]);
      approvalsArray(doc).push([new Y.Map<unknown>([['id', 'x'], ['contentHash', 'not-a-hash']])]);
      const item = new Y.XmlElement('actionItem');
      item.setAttribute('done', 'true');
      item.setAttribute('due', '31-12-2026');
      bodyFragment(doc).insert(0, [item]);
      item.insert(0, [new Y.XmlText('Noget')]);
    });
    const en = referatHtml(doc, trustState(), { lang: 'en' });
    expect(en.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(en).toContain('<p>No approvals</p>');
    expect(en).toContain('5 January 2026');
    expect(en).toContain('<dt>Status</dt><dd>Draft</dd>');
    expect(en).not.toContain('no id');
    expect(en).toContain('<tr><th scope="row">Noget</th><td></td><td></td><td></td><td>Open</td></tr>');
  });
});
