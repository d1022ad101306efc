// index.html of an aktindsigt package: every referat with its date, parties, derived status and verified approvals
// (the same words as journal.csv and each referat.html), linked to its files, and what is exempt or left out.
import { approvalLine, organisationLine, uncountedLine } from './approvalReport';
import { escapeMarkup as esc } from './escapeMarkup';
import { exportLabels } from './exportLabels';
import { formatExportDate, formatExportDateTime } from './exportDates';
import type { ExportLanguage } from './exportOptions';
import { exemptionCounts, type JournalRow } from './journal';
import { standaloneHtmlHead } from './standaloneHtmlHead';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5;color:#1a1a1a}table{border-collapse:collapse}' +
  'th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}a{color:#0645ad}' +
  'td ul{margin:.2rem 0;padding-left:1.2rem}.not-counted{color:#8a2a00}';

const WORDS = {
  da: {
    title: 'Aktindsigt – referater',
    intro: (n: number, at: string) => `${n} ${n === 1 ? 'referat' : 'referater'}, dannet ${at}.`,
    about: 'Læs LÆSMIG.txt for, hvad pakken indeholder, og hvordan den kontrolleres.',
    number: 'Nr.', parties: 'Parter', files: 'Filer', package: 'Pakkens øvrige filer',
    derivation: 'Status og godkendelser er kontrolleret på den enhed, der dannede pakken; LÆSMIG.txt forklarer hvordan.',
    leftOut: (n: number) => `${n === 1 ? '1 referat, som udvælgelsen omfatter, er udeladt' : `${n} referater, som udvælgelsen omfatter, er udeladt`}; LÆSMIG.txt og journalen siger hvorfor.`,
    exempt: 'Undtaget',
    withheld: (files: string) => `${files} er ikke med (ville indeholde den undtagne tekst)`,
  },
  en: {
    title: 'Access to documents – referater',
    intro: (n: number, at: string) => `${n} ${n === 1 ? 'referat' : 'referater'}, made ${at}.`,
    about: 'LÆSMIG.txt (in Danish) says what the package holds and how to verify it.',
    number: 'No.', parties: 'Parties', files: 'Files', package: 'Other files of the package',
    derivation: 'The status and approvals were checked on the device that made the package; LÆSMIG.txt (in Danish) says how.',
    leftOut: (n: number) => `${n === 1 ? '1 referat the selection matched was left out' : `${n} referater the selection matched were left out`}; LÆSMIG.txt and the journal say why.`,
    exempt: 'Exempt',
    withheld: (files: string) => `${files} not included (it would hold the exempt text)`,
  },
};

/** A relative link to a path inside the package, each segment escaped. */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const list = (items: string[], cls = '') => (items.length === 0 ? '' : `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);

export function packageIndexHtml(rows: readonly JournalRow[], meta: { createdAt: string; lang: ExportLanguage; otherFiles: readonly string[]; leftOut?: number }): string {
  const l = exportLabels(meta.lang);
  const w = WORDS[meta.lang];
  const body = rows
    .map((r) => {
      const exempt = exemptionCounts(r.exemptions).map(({ line, count }) => `${w.exempt}: ${line}${count === 1 ? '' : ` (${count})`}`);
      const withheld = r.withheld.length > 0 ? `<p>${esc(w.withheld(r.withheld.join(', ')))}</p>` : '';
      const links = r.files.map((f) => `<a href="${esc(href(`${r.folder}/${f}`))}">${esc(f)}</a>`).join(' · ') + list(exempt) + withheld;
      return `<tr><td>${r.number}</td><td>${r.date ? `<time datetime="${esc(r.date)}">${esc(formatExportDate(r.date, l))}</time>` : ''}</td>` +
        `<th scope="row">${esc(r.title || l.untitled)}</th><td>${esc(r.parties.join(', '))}</td>` +
        `<td><strong>${esc(l.statuses[r.status])}</strong>${list(r.organisations.map((o) => organisationLine(o, l)))}</td>` +
        `<td>${r.approvals.length === 0 ? esc(l.noApprovals) : list(r.approvals.map((a) => approvalLine(a, l)))}${list(r.notCounted.map((u) => uncountedLine(u, l)), 'not-counted')}</td>` +
        `<td>${links}</td></tr>`;
    })
    .join('\n');
  const heads = [w.number, l.date, meta.lang === 'en' ? 'Title' : 'Titel', w.parties, l.status, l.approvals, w.files];
  return `${standaloneHtmlHead(meta.lang, w.title, STYLE)}
<main>
<h1>${esc(w.title)}</h1>
<p>${esc(w.intro(rows.length, formatExportDateTime(meta.createdAt, l)))}</p>
<p>${esc(w.about)}</p>
<p>${esc(w.derivation)}</p>
${meta.leftOut ? `<p>${esc(w.leftOut(meta.leftOut))}</p>\n` : ''}<table>
<thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<h2>${esc(w.package)}</h2>
<ul>${meta.otherFiles.map((f) => `<li><a href="${esc(href(f))}">${esc(f)}</a></li>`).join('')}</ul>
</main>
</body>
</html>
`;
}
