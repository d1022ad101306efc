// One CSV field that no spreadsheet reads as a formula, whichever separator it splits the line on.
//
// A spreadsheet guesses the separator: Danish Excel splits on `;`, others on `,` or a tab, and some ignore the
// quotes when they split. So every field is quoted (RFC 4180, quotes doubled), and not only the field's start but
// the start of every part a spreadsheet could cut out of it (after `;`, `,`, a tab or a line break, past blanks and
// quotes) is guarded: a part that would begin with = + - @ (ASCII or fullwidth), a tab or a carriage return gets
// an apostrophe in front (OWASP "CSV injection"). The apostrophe is visible, so the text keeps its meaning; callers
// that need the exact text write it elsewhere too (journal.json).

/** Characters a spreadsheet may read as the start of a formula, when a cell begins with them. */
const FORMULA_START = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** Where a spreadsheet may start a new cell inside our field: the separators it might guess, and line breaks. */
const CUT = ';,\\t\\r\\n';
/** Blanks and quotes, then a formula character (not consumed): at the field's start, or after a cut. */
const UNSAFE_START = new RegExp(`^([ "]*)(?=[${FORMULA_START}])`);
const UNSAFE_PART = new RegExp(`([${CUT}])([ "]*)(?=[${FORMULA_START}])`, 'g');

/** The text with an apostrophe before every part a spreadsheet could read as a formula. */
export function guardFormulas(value: string): string {
  // Two passes: a match at the start is empty, and a global empty match would skip a tab at position 0 as a cut.
  return value.replace(UNSAFE_START, "$1'").replace(UNSAFE_PART, "$1$2'");
}

/** A whole CSV field: guarded, then quoted with quotes doubled. */
export function csvField(value: string): string {
  return `"${guardFormulas(value).replace(/"/g, '""')}"`;
}
