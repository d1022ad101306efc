// `historik.html` of the aktindsigt package: a referat's versions (its creation, named versions, approvals, the text
// now) with who made them and when, and each change between one version and the next, marked with its author.
// Standalone HTML with no script; colour is never the only cue (inserted text is underlined, deleted struck through).
import * as Y from 'yjs';
import type { AuthorName } from '../core/authorNames';
import { parseAuthorKey } from '../core/versionAuthors';
import { diffVersions, snapshotCovered, tallyByAuthor, type DiffAuthors, type ElementDiff, type TextDiff } from '../core/versionDiff';
import { bodyFragment } from '../core/referatDoc';
import { escapeMarkup as esc } from './escapeMarkup';
import { exportLabels } from './exportLabels';
import { formatExportDateTime } from './exportDates';
import type { ExportLanguage } from './exportOptions';
import { standaloneHtmlHead } from './standaloneHtmlHead';

export interface HistoryVersion {
  kind: 'named' | 'approval';
  /** The version's name, or for an approval its signer's name. */
  label: string;
  /** Who made it, as the signed entry says. */
  by: AuthorName;
  /** ISO 8601. */
  at: string;
  snapshot: Y.Snapshot;
}

interface Words {
  title: string;
  intro: string;
  created: string;
  now: string;
  named: string;
  approval: string;
  by: string;
  inserted: string;
  deleted: string;
  unknown: string;
  template: string;
  unverified: string;
  noChanges: string;
  notHeld: string;
  authors: string;
  changes: (n: number) => string;
  field: string;
}

const WORDS: Record<ExportLanguage, Words> = {
  da: {
    title: 'Historik',
    intro: 'Referatets versioner og ændringerne mellem dem, læst af den fulde historik i referat.referat. Indsat tekst er understreget, slettet tekst gennemstreget; forfatteren står ved hver ændring.',
    created: 'Oprettet',
    now: 'Teksten nu',
    named: 'Version',
    approval: 'Godkendelse',
    by: 'af',
    inserted: 'indsat af',
    deleted: 'slettet af',
    unknown: 'ukendt forfatter',
    template: 'skabelonen',
    unverified: 'ikke bekræftet',
    noChanges: 'Ingen ændringer i teksten.',
    notHeld: 'Denne kopi rummer ikke alt, versionen bygger på; forskellen vises ikke.',
    authors: 'Forfattere',
    changes: (n) => (n === 1 ? '1 ændring' : `${n} ændringer`),
    field: 'Felt',
  },
  en: {
    title: 'History',
    intro: 'The referat\'s versions and the changes between them, read from the full history in referat.referat. Inserted text is underlined, deleted text struck through; the author is named at each change.',
    created: 'Created',
    now: 'The text now',
    named: 'Version',
    approval: 'Approval',
    by: 'by',
    inserted: 'inserted by',
    deleted: 'deleted by',
    unknown: 'unknown author',
    template: 'the template',
    unverified: 'not confirmed',
    noChanges: 'No changes to the text.',
    notHeld: 'This copy does not hold everything the version refers to; the difference is not shown.',
    authors: 'Authors',
    changes: (n) => (n === 1 ? '1 change' : `${n} changes`),
    field: 'Field',
  },
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
ins{text-decoration:underline;background:#e6f4ea;color:#0b3d1a}del{text-decoration:line-through;background:#fdecea;color:#5c1010}
.who{font-size:.8em;color:#444}section{border-top:1px solid #ccc;margin-top:1.5rem}.field{font-style:italic}`;

function authorText(key: string, names: ReadonlyMap<string, AuthorName>, w: Words): string {
  const { fingerprint, verified, template } = parseAuthorKey(key);
  if (template) return w.template;
  const named = fingerprint ? names.get(fingerprint) : undefined;
  const who = named ? `${named.name}, ${named.organisation}` : fingerprint ? fingerprint.slice(0, 19) : w.unknown;
  return verified ? who : `${who} (${w.unverified})`;
}

function renderNodes(nodes: ReadonlyArray<ElementDiff | TextDiff>, names: ReadonlyMap<string, AuthorName>, w: Words): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') {
        const runs = node.runs.map((r) => {
          if (r.change === 'same') return esc(r.text);
          const tag = r.change === 'inserted' ? 'ins' : 'del';
          const who = `${r.change === 'inserted' ? w.inserted : w.deleted} ${authorText(r.by ?? '', names, w)}`;
          return `<${tag} title="${esc(who)}">${esc(r.text)}</${tag}><span class="who"> [${esc(who)}]</span>`;
        });
        return `<p>${runs.join('')}</p>`;
      }
      const fields = node.attributeChanges
        .map((a) => `<p class="field">${esc(w.field)} ${esc(a.name)}: ${esc(String(a.before ?? '–'))} → ${esc(String(a.after ?? '–'))} <span class="who">[${esc(authorText(a.by, names, w))}]</span></p>`)
        .join('');
      return fields + renderNodes(node.children, names, w);
    })
    .join('\n');
}

/** The whole `historik.html` of one referat. `versions` in any order; they are shown oldest first. */
export function historyHtml(
  doc: Y.Doc,
  title: string,
  versions: readonly HistoryVersion[],
  authors: DiffAuthors,
  names: ReadonlyMap<string, AuthorName>,
  options: { lang: ExportLanguage },
): string {
  const w = WORDS[options.lang];
  const labels = exportLabels(options.lang);
  const ordered = versions.toSorted((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const steps: Array<{ heading: string; snapshot: Y.Snapshot }> = [
    { heading: w.created, snapshot: Y.emptySnapshot },
    ...ordered.map((v) => ({
      heading: `${v.kind === 'named' ? `${w.named}: ${v.label}` : w.approval} – ${w.by} ${v.by.name}, ${v.by.organisation}, ${formatExportDateTime(v.at, labels)}`,
      snapshot: v.snapshot,
    })),
    { heading: w.now, snapshot: Y.snapshot(doc) },
  ];
  const sections: string[] = [];
  for (let i = 1; i < steps.length; i++) {
    const from = steps[i - 1]!;
    const to = steps[i]!;
    let body: string;
    if (!snapshotCovered(doc, from.snapshot) || !snapshotCovered(doc, to.snapshot)) body = `<p>${esc(w.notHeld)}</p>`;
    else {
      const diff = diffVersions(bodyFragment(doc), from.snapshot, to.snapshot, authors);
      const tally = tallyByAuthor(diff);
      body = tally.length === 0
        ? `<p>${esc(w.noChanges)}</p>`
        : `<p><strong>${esc(w.authors)}:</strong> ${tally.map((t) => `${esc(authorText(t.by, names, w))} (${esc(w.changes(t.changes))})`).join('; ')}</p>\n${renderNodes(diff, names, w)}`;
    }
    sections.push(`<section>\n<h2>${esc(from.heading)} → ${esc(to.heading)}</h2>\n${body}\n</section>`);
  }
  return `${standaloneHtmlHead(options.lang, `${w.title}: ${title}`, STYLE)}
<h1>${esc(w.title)}: ${esc(title || labels.untitled)}</h1>
<p>${esc(w.intro)}</p>
${sections.join('\n')}
</body>
</html>
`;
}
