// Opens a referat read-only for aktindsigt review while the component is shown, and closes it after.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { errorMessage } from '../../core/errorMessage';

export type ReviewedState = { kind: 'loading' } | { kind: 'open'; doc: Y.Doc } | { kind: 'missing' } | { kind: 'failed'; detail: string };

export function useReviewedReferat(id: string): ReviewedState {
  const [state, setState] = useState<ReviewedState>({ kind: 'loading' });
  useEffect(() => {
    let closed = false;
    let close: (() => Promise<void>) | null = null;
    void import('../../session/openForReview')
      .then(({ openForReview }) => openForReview(id))
      .then((opened) => {
        if (closed) return void opened?.close();
        if (!opened) return setState({ kind: 'missing' });
        close = opened.close;
        setState({ kind: 'open', doc: opened.doc });
      })
      .catch((e: unknown) => !closed && setState({ kind: 'failed', detail: errorMessage(e) }));
    return () => {
      closed = true;
      void close?.();
    };
  }, [id]);
  return state;
}
