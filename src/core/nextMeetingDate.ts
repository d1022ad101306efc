// The date written for the next meeting in a referat: the first date after the meeting's own that follows the words
// "Næste møde" (an agenda item of that title, or a line that starts with it), else the fallback (today).
import * as Y from 'yjs';
import { AGENDA_TITLE } from './bodyNodes';
import { findDanishDates } from './danishDate';
import { danishFoldWithOffsets } from './danishFold';
import { readMeta } from './meta';
import { bodyFragment } from './referatDoc';
import { xmlPlainText } from './xmlText';

interface Line {
  text: string;
  agendaTitle: boolean;
}

/** How far below the words "Næste møde" a date is still read as the next meeting's (lines, within the same agenda item). */
const MAX_LINES = 6;
const NEXT_MEETING = /næste\s+møde(?:dato)?\s*[:.–-]?/u;

/** The body as lines: agenda titles, and every block that holds text directly (paragraph, heading, decision text …). */
function bodyLines(node: Y.XmlFragment | Y.XmlElement, out: Line[] = []): Line[] {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.toArray().some((c) => c instanceof Y.XmlText)) out.push({ text: xmlPlainText(child), agendaTitle: child.nodeName === AGENDA_TITLE });
    else bodyLines(child, out);
  }
  return out;
}

/** The first date after `after` written in `lines` after the words "Næste møde", or null. */
export function nextMeetingDateIn(lines: readonly Line[], after: string): string | null {
  for (let i = 0; i < lines.length; i++) {
    const { folded, offsets } = danishFoldWithOffsets(lines[i]!.text);
    const at = NEXT_MEETING.exec(folded);
    if (!at) continue;
    // The rest of the line after the words, then the lines below it.
    const rest = [lines[i]!.text.slice(offsets[at.index + at[0].length])];
    for (let j = i + 1; j < lines.length && j <= i + MAX_LINES && !lines[j]!.agendaTitle; j++) rest.push(lines[j]!.text);
    for (const text of rest) {
      const date = findDanishDates(text, after).find((d) => d.iso > after);
      if (date) return date.iso;
    }
  }
  return null;
}

/** The next meeting's date as the referat states it (after its own date), or `fallback` when it states none. */
export function nextMeetingDate(doc: Y.Doc, fallback: string): string {
  const own = readMeta(doc).date;
  return nextMeetingDateIn(bodyLines(bodyFragment(doc)), own || fallback) ?? fallback;
}
