// Every readable export (HTML, DOCX, Markdown) shows the status derived on this device and only the approvals that
// hold, each marked current or earlier version and confirmed or unconfirmed key, and names invalid and removed
// entries once, in the same words. The stored meta.status and the stored approval entries, which any peer can write,
// never reach the file unchecked.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { approvalsArray, metaMap } from '../core/referatDoc';
import type { TrustState } from '../core/trustState';
import { referatDocx } from './referatDocx';
import { referatHtml } from './referatHtml';
import { referatMarkdown } from './referatMarkdown';
import { richReferatFixture } from '../testSupport/richReferatFixture';
import { approvedTrust, HASH_BEFORE, notApprovedTrust, STRANGER_KEY } from '../../tests/unit/export/trustFixture';

/** The rich referat, which a peer marked approved and into which it wrote an unsigned approval by "Borgmester". */
function peerMarkedApproved(): Y.Doc {
  const doc = richReferatFixture();
  doc.transact(() => {
    metaMap(doc).set('status', 'approved');
    const forged = new Y.Map<unknown>();
    approvalsArray(doc).push([forged]);
    for (const [k, v] of Object.entries({
      id: 'forged',
      name: 'Borgmester',
      organisation: 'Holstebro Kommune',
      organisationKind: 'kommune',
      fingerprint: STRANGER_KEY,
      approvedAt: '2026-11-30T14:00:00.000Z',
      contentHash: 'ab'.repeat(32),
    })) {
      forged.set(k, v);
    }
  });
  return doc;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');

/** The DOCX as plain text: one line per paragraph, table cells as their own paragraphs. */
function docxText(doc: Y.Doc, trust: TrustState): string[] {
  const xml = strFromU8(unzipSync(referatDocx(doc, trust, { lang: 'da' }))['word/document.xml'] as Uint8Array);
  return xml
    .split('</w:p>')
    .map((p) => unescapeXml(p.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '')))
    .filter((p) => p !== '');
}

const count = (text: string, word: string) => text.split(word).length - 1;

function allFormats(trust: TrustState) {
  const doc = peerMarkedApproved();
  const html = referatHtml(doc, trust, { lang: 'da' });
  const md = referatMarkdown(doc, trust, { lang: 'da' });
  const docx = docxText(doc, trust);
  return { html, md, docx, docxAll: docx.join('\n') };
}

describe('exports of a referat a peer marked approved without approvals that hold', () => {
  const { html, md, docx, docxAll } = allFormats(notApprovedTrust());

  it('say "Til godkendelse", the derived status, and never "Godkendt" as the status', () => {
    expect(html).toContain('<dt>Status</dt><dd>Til godkendelse</dd>');
    expect(md).toContain('- **Status:** Til godkendelse');
    expect(docx).toContain('Status: Til godkendelse');
    for (const text of [html, md, docxAll]) expect(text).not.toMatch(/Status(<\/dt><dd>|:\*\* |: )Godkendt/);
  });

  it('never list the unsigned "Borgmester" entry as an approval; name it once as invalid', () => {
    expect(html).not.toContain('<th scope="row">Borgmester</th>');
    expect(html).toContain('<li>Ugyldig godkendelse (tæller ikke): Borgmester (Holstebro Kommune)</li>');
    expect(md).not.toMatch(/^\| Borgmester /m);
    expect(md).toContain('- Ugyldig godkendelse (tæller ikke): Borgmester (Holstebro Kommune)');
    expect(docx).toContain('Ugyldig godkendelse (tæller ikke): Borgmester (Holstebro Kommune)');
    for (const text of [html, md, docxAll]) expect(count(text, 'Borgmester')).toBe(1);
  });

  it('mark an approval of an earlier version, under the confirmed name and organisation, not the typed ones', () => {
    expect(html).toMatch(/<tr><th scope="row">Anne Jensen<\/th><td>Aarhus Kommune<\/td><td><time[^>]*>30\. november 2026 kl\. 13\.15 \(CET\)<\/time><\/td><td class="earlier">gælder en tidligere version<\/td><td>bekræftet nøgle<\/td>/);
    expect(html).toContain(HASH_BEFORE);
    expect(md).toMatch(/^\| Anne Jensen \| Aarhus Kommune \| 30\. november 2026 kl\. 13\.15 \(CET\) \| gælder en tidligere version \| bekræftet nøgle \| 90FA CAFE/m);
    expect(docx).toContain('gælder en tidligere version\nbekræftet nøgle');
    for (const text of [html, md, docxAll]) {
      expect(text).not.toContain('Anne J.');
      expect(text).not.toContain('aarhus  kommune');
    }
  });

  it('mark an unconfirmed key, with the organisation the signer typed marked so', () => {
    expect(html).toMatch(/<tr><th scope="row">Bo Hansen<\/th><td>Leverandør A\/S \(ubekræftet nøgle\)<\/td><td>.*?<\/td><td>gælder den nuværende version<\/td><td class="unconfirmed">ubekræftet nøgle<\/td>/);
    expect(md).toMatch(/^\| Bo Hansen \| Leverandør A\/S \(ubekræftet nøgle\) \| .* \| gælder den nuværende version \| ubekræftet nøgle \|/m);
    expect(docx).toContain('Leverandør A/S (ubekræftet nøgle)');
    expect(docx).toContain('gælder den nuværende version\nubekræftet nøgle');
  });

  it('say per organisation what is missing, name removed entries, and how the status was derived, in the same words', () => {
    const lines = [
      'Aarhus Kommune: godkendte en tidligere version (tæller ikke)',
      'Leverandør A/S: godkendt med ubekræftet nøgle (tæller ikke)',
      'Holstebro Kommune: mangler godkendelse',
      'Fjernet deltager: Carla Møller (Leverandør A/S), fjernet med nøglen 1111 2222 3333 4444 5555 6666 7777 8888',
    ];
    for (const line of lines) {
      expect(html).toContain(`<li>${line.replace(/&/g, '&amp;')}</li>`);
      expect(md).toContain(`- ${line}`);
      expect(docx).toContain(line);
    }
    for (const text of [html, md, docxAll]) expect(text).toContain('nøglen er bekræftet på enheden som netop den organisations nøgle');
  });
});

describe('exports of a referat both parties approved with confirmed keys', () => {
  const { html, md, docx } = allFormats(approvedTrust());

  it('say "Godkendt" and mark both approvals current and confirmed', () => {
    expect(html).toContain('<dt>Status</dt><dd>Godkendt</dd>');
    expect(md).toContain('- **Status:** Godkendt');
    expect(docx).toContain('Status: Godkendt');
    expect(count(html, '<td>gælder den nuværende version</td><td>bekræftet nøgle</td>')).toBe(2);
    expect(count(md, '| gælder den nuværende version | bekræftet nøgle |')).toBe(2);
    expect(docx.filter((p) => p === 'gælder den nuværende version\nbekræftet nøgle')).toHaveLength(2);
    expect(html).not.toContain('Borgmester');
    expect(html).not.toContain('Tæller ikke med');
  });

  it('write the same in English', () => {
    const en = referatHtml(peerMarkedApproved(), notApprovedTrust(), { lang: 'en' });
    expect(en).toContain('<dt>Status</dt><dd>Proposed for approval</dd>');
    expect(en).toContain('<li>Invalid approval (does not count): Borgmester (Holstebro Kommune)</li>');
    expect(en).toContain('<td class="earlier">covers an earlier version</td><td>confirmed key</td>');
    expect(en).toContain('Leverandør A/S (unconfirmed key)');
  });
});
