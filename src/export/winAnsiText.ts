// Text made writable in a PDF standard font (WinAnsi: Latin-1 plus a few typographic signs): a character the font
// lacks is replaced by a near one (ő → o, − → -, → → ->) or "?", never thrown on as pdf-lib's encoder would.
import { stripIllegalXmlChars } from './escapeMarkup';

/** Replacements for common characters outside WinAnsi that have no decomposition to a WinAnsi letter. */
const NEAR: Readonly<Record<string, string>> = {
  '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd', '\u0131': 'i', '\u0126': 'H', '\u0127': 'h',
  '\u0152': 'OE', '\u0153': 'oe', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2015': '-', '\u2212': '-', '\u2043': '-',
  '\u2032': "'", '\u2033': '"', '\u201b': "'", '\u201f': '"', '\u2039': '<', '\u203a': '>',
  '\u2190': '<-', '\u2192': '->', '\u2194': '<->', '\u21d2': '=>', '\u2264': '<=', '\u2265': '>=', '\u2260': '!=',
  '\u2248': '~', '\u2116': 'Nr.', '\u2713': 'x', '\u2714': 'x', '\u2717': 'x', '\u2718': 'x', '\u25cf': '\u2022',
  '\u25aa': '\u2022', '\u2023': '\u2022', '\u2027': '\u00b7', '\u2219': '\u00b7', '\u22c5': '\u00b7',
};

// Spaces of every width become one ordinary space; invisible format characters go, and with them what XML forbids
// (stripIllegalXmlChars: control characters, lone surrogates, non-characters). Marks left alone (variation
// selectors, an accent with no letter) are dropped below.
const SPACE = /[\t\n\v\f\r\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const COMBINING = /\p{M}/gu;
const COMBINING_ONE = /^\p{M}$/u;

export type CharacterTest = (codePoint: number) => boolean;

/** A set of code points as a test, e.g. from pdf-lib's `font.getCharacterSet()`. */
export function characterTest(codePoints: Iterable<number>): CharacterTest {
  const set = new Set(codePoints);
  return (c) => set.has(c);
}

function nearest(char: string, has: CharacterTest): string {
  const near = NEAR[char];
  if (near !== undefined && [...near].every((c) => has(c.codePointAt(0) ?? 0))) return near;
  // "ő" decomposes to "o" and a combining accent: the base letter is the nearest WinAnsi has.
  const base = char.normalize('NFKD').replace(COMBINING, '');
  if (base !== '' && base !== char && [...base].every((c) => has(c.codePointAt(0) ?? 0))) return base;
  return '?';
}

/** `text` on one line: every character the font can write kept, the rest replaced; line breaks become spaces. */
export function winAnsiText(text: string, has: CharacterTest): string {
  // Composed first, so "z" + a combining accent is one letter with a nearest base ("ź" → "z").
  const cleaned = stripIllegalXmlChars(text).normalize('NFC').replace(SPACE, ' ').replace(INVISIBLE, '');
  let out = '';
  for (const char of cleaned) {
    if (has(char.codePointAt(0) ?? 0)) out += char;
    else if (!COMBINING_ONE.test(char)) out += nearest(char, has);
  }
  return out;
}
