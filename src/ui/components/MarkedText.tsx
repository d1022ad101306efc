// Text with some ranges marked (<mark>), e.g. the words a search matched in a snippet.
import type { TextRange } from '../../core/searchSnippet';

export function MarkedText(props: { text: string; ranges: readonly TextRange[] }) {
  const { text, ranges } = props;
  const parts: Array<{ text: string; marked: boolean; at: number }> = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end <= r.start) continue;
    if (r.start > at) parts.push({ text: text.slice(at, r.start), marked: false, at });
    parts.push({ text: text.slice(r.start, r.end), marked: true, at: r.start });
    at = r.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at });
  return <>{parts.map((p) => (p.marked ? <mark key={p.at}>{p.text}</mark> : <span key={p.at}>{p.text}</span>))}</>;
}
