// For tests: a small RFC 4180 parser with `,`: quoted fields, doubled quotes, CRLF records (line breaks inside quotes
// stay in the field). With `requireFinalCrlf`, text after the last CRLF is an error rather than dropped.
export function parseCsv(text: string, options: { requireFinalCrlf?: boolean } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (options.requireFinalCrlf && (field !== '' || row.length > 0)) throw new Error('the CSV does not end with CRLF');
  return rows;
}
