// The first lines of a long referat's text, painted before its editor is ready: read from the document once it is
// loaded, or, while it loads, from the copy saved beside it (labelled with the time it was saved).
import type { ReactNode } from 'react';

export function MinutesPreview(props: { lines: readonly string[]; status: ReactNode; testId: string }) {
  return (
    <div className="minutes-text minutes-preview" aria-busy="true" data-testid={props.testId}>
      {props.lines.map((line, i) => (
        // Lines have no identity of their own; the index is their key.
        // oxlint-disable-next-line react/no-array-index-key
        <p key={i}>{line}</p>
      ))}
      <p role="status" className="muted">{props.status}</p>
    </div>
  );
}
