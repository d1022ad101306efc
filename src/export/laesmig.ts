// LÆSMIG.txt of an aktindsigt package: in Danish, what the package holds, how the status of each referat was
// derived, what is left out or exempt and why, and how to verify it.
import { exportLabels } from './exportLabels';
import { formatExportDateTime } from './exportDates';
import { exemptionCounts, exemptionLine, type JournalLeftOut, type JournalRow } from './journal';
import type { PackageSelection } from './packageSelection';

export const LAESMIG_PATH = 'LÆSMIG.txt';

export interface LaesmigInput {
  createdAt: string;
  sender: { name: string; organisation: string; fingerprint: string };
  count: number;
  includeHistory: boolean;
  selection: PackageSelection;
  /** The journal rows, for the referater with exempt passages. */
  rows?: readonly JournalRow[];
  /** Referater the selection matched that the clerk left out. */
  leftOut?: readonly JournalLeftOut[];
}

function selectionLines(s: PackageSelection): string[] {
  const l = exportLabels('da');
  const lines: string[] = [];
  if (s.party) lines.push(`Part eller organisation: ${s.party}`);
  if (s.from || s.to) lines.push(`Periode: ${s.from || '…'} – ${s.to || '…'}`);
  if (s.text) lines.push(`Tekst: ${s.text}`);
  lines.push(`Status: ${s.status === 'any' ? 'alle' : l.statuses[s.status]}`);
  return lines;
}

const passages = (n: number) => (n === 1 ? '1 passage' : `${n} passager`);

/** The referater left out, one line each with the reason, and those with exempt passages, with theirs. */
function caseLines(input: LaesmigInput): string[] {
  const leftOut = input.leftOut ?? [];
  const exempt = (input.rows ?? []).filter((r) => r.exemptions.length > 0);
  const lines: string[] = [];
  if (leftOut.length > 0) {
    lines.push('  Disse referater matcher udvælgelsen, men er udeladt af den, der dannede pakken:');
    for (const o of leftOut) lines.push(`    - ${[o.date, o.title.trim() || '(uden titel)'].filter(Boolean).join(' ')} – udeladt: ${exemptionLine(o)}`);
  }
  if (exempt.length > 0) {
    lines.push(
      '',
      'UNDTAGNE OPLYSNINGER',
      '--------------------',
      'I disse referater er dele af teksten undtaget fra aktindsigt. I referat.html, referat.docx, journalen',
      'og index.html står fx "[Undtaget: § 30, nr. 2]" i stedet for den undtagne tekst; resten af referatet',
      'er med (offentlighedslovens § 34). Deres referat.referat (og historik.html) er ikke med: en kopifil',
      'indeholder hele referatet, også den undtagne tekst, og kan ikke gøres ufuldstændig uden at ændre',
      'referatet for enhver, der fletter den ind i sin egen kopi.',
    );
    for (const r of exempt) {
      lines.push(`  ${r.folder.replace(/^referater\//, '')}:`);
      for (const { line, count } of exemptionCounts(r.exemptions)) lines.push(`    - ${passages(count)} undtaget efter ${line}`);
    }
  }
  return lines;
}

export function laesmigText(input: LaesmigInput): string {
  const l = exportLabels('da');
  const history = input.includeHistory
    ? [
        'Pakken er dannet MED historik: .referat-filerne indeholder hele redigeringshistorikken,',
        'også tekst, der senere er slettet. referat.html og referat.docx viser kun den aktuelle tekst;',
        'historik.html viser versionerne (navngivne versioner og godkendelser) og hver ændring mellem dem,',
        'med hvem der skrev eller slettede teksten.',
      ]
    : [
        'Pakken er dannet med KUN DEN AKTUELLE TEKST: slettet tekst fra tidligere udkast er ikke med i',
        'nogen fil (HTML, DOCX eller .referat). .referat-filerne kan stadig flettes med fulde kopier af',
        'de samme referater, fordi dokumentets interne id\'er er bevaret.',
      ];
  const text = [
    'AKTINDSIGT – REFERATER',
    '======================',
    '',
    `Dannet: ${formatExportDateTime(input.createdAt, l)}`,
    `Dannet af: ${input.sender.name}, ${input.sender.organisation}`,
    `Nøglens fingeraftryk: ${input.sender.fingerprint}`,
    `Antal referater: ${input.count}`,
    '',
    'Referaterne er udvalgt efter:',
    ...selectionLines(input.selection).map((s) => `  ${s}`),
    '',
    'INDHOLD',
    '-------',
    '  LÆSMIG.txt      denne fil',
    '  index.html      oversigt med links til alle filer; åbnes i en browser',
    '  journal.csv     journal med én linje pr. referat: dato, titel, kort beskrivelse af emnet, parter,',
    '                  deltagere, sagsnummer og KLE-nummer (hvor de er angivet), status, organisationer,',
    '                  godkendelser, hvad der ikke tæller med, og dokument-id (offentlighedslovens § 15).',
    '                  UTF-8, kommasepareret (RFC 4180), hvert felt i anførselstegn.',
    '                  Tekst, der begynder med = + - eller @ i starten af et felt eller efter ; , tabulator',
    '                  eller linjeskift, har fået en apostrof foran, så et regneark ikke læser den som en',
    '                  formel, uanset hvor det deler linjen; journal.json har den præcise tekst.',
    '  journal.json    samme journal, maskinlæsbar',
    '  manifest.json   SHA-256 og størrelse for hver fil i pakken',
    '  SHA256SUMS      de samme SHA-256-værdier i det format, sha256sum læser',
    '  referater/<nr> <dato> <titel>/',
    '    referat.html     referatet til læsning i en browser',
    '    referat.docx     referatet som Word-dokument',
    '    referat.referat  referatet som underskrevet Referat-kopifil (et Yjs-dokument); formatet er',
    '                     beskrevet i Referats docs/FORMAT.md og kan læses af ethvert program med Yjs 13;',
    '                     ikke med for referater med undtagne oplysninger (se nedenfor)',
    '',
    'STATUS OG GODKENDELSER',
    '----------------------',
    'Status og godkendelser er de samme i alle pakkens filer (journal.csv, journal.json, index.html,',
    'referat.html og referat.docx). De er udledt af de underskrevne godkendelser i hvert referat og',
    'kontrolleret på den enhed, der dannede pakken (nøglen øverst), da pakken blev dannet. Den status,',
    'der står skrevet i selve referatet, bruges ikke: enhver deltager kan skrive den.',
    '',
    '  - En godkendelse tæller kun for en organisation gennem en nøgle, som denne enhed har bekræftet',
    '    som netop den organisations nøgle: sammenlignet ved et møde eller læst op i telefon, fra',
    '    organisationens underskrevne nøgleliste, eller enhedens egen nøgle. Den organisation, en',
    '    underskriver selv har skrevet, tæller ikke.',
    '  - Referatet er "Godkendt", når hver organisation, der skal godkende, har en gyldig godkendelse',
    '    af den nuværende version med en bekræftet nøgle. Ellers er det "Til godkendelse" eller "Kladde".',
    '  - En godkendelse af en tidligere version tæller ikke; den står med "gælder en tidligere version".',
    '  - En godkendelse med en ubekræftet nøgle tæller ikke; den står med "ubekræftet nøgle", og',
    '    organisationen er den, underskriveren selv har skrevet.',
    '  - En ugyldig godkendelse (underskriften holder ikke, eller den er lavet til et andet referat)',
    '    tæller ikke og står kun som "Ugyldig godkendelse (tæller ikke)" med det navn, den angiver.',
    '  - En godkendelse eller deltager, som nogen har fjernet, står som "Fjernet godkendelse" eller',
    '    "Fjernet deltager"; en fjernelse gør aldrig et referat godkendt.',
    '',
    'En anden enhed kan have bekræftet andre nøgler og derfor vise en anden status for det samme',
    'referat. .referat-filen indeholder alle godkendelser med underskrifter, så enhver kan kontrollere',
    'dem igen.',
    '',
    'HISTORIK',
    '--------',
    ...history,
    '',
    'IKKE MED I PAKKEN',
    '-----------------',
    '  Referater i papirkurven er ikke med.',
    ...caseLines(input),
    '',
    'SÅDAN KONTROLLERES PAKKEN',
    '-------------------------',
    'Pak ZIP-filen ud, og åbn en terminal i den udpakkede mappe.',
    '',
    '  Linux:    sha256sum -c SHA256SUMS',
    '  macOS:    shasum -a 256 -c SHA256SUMS',
    '  Windows (PowerShell):',
    "    Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $h, $f = $_ -split '  ', 2;",
    "      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h.ToUpper()) { \"OK: $f\" } else { \"FEJL: $f\" } }",
    '',
    'Hver linje skal ende med OK. manifest.json og SHA256SUMS kan ikke indeholde deres egen værdi; de',
    'øvrige filer, også denne, er med.',
    '',
    'Hver .referat-fil er desuden underskrevet med nøglen, hvis fingeraftryk står øverst. Referat viser',
    'fingeraftrykket under Indstillinger, så det kan sammenlignes med afsenderens.',
    '',
  ];
  return text.join('\n');
}
