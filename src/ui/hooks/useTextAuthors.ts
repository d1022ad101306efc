// "Hvem skrev hvad" while it is switched on: who wrote each run of the current text (verified claims only, as in the
// version compare), drawn into the editor, and redrawn a moment after the text stops changing.
import type { Editor } from '@tiptap/react';
import { DecorationSet } from '@tiptap/pm/view';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { checkClaims } from '../../core/clientClaims';
import { bodyFragment } from '../../core/referatDoc';
import { charactersByAuthor, textAuthors } from '../../core/textAuthors';
import { versionAuthors } from '../../core/versionAuthors';
import { authorDecorations, setAuthorDecorations, type AuthorLook } from '../../editor/authorHighlight';

/** Redrawn this long after the last change (a keystroke, a peer's edit), so typing is never slowed by it. */
const REDRAW_AFTER_MS = 300;

export interface AuthorShare {
  by: string;
  characters: number;
}

/** How to draw the authors found, given all of them (so each organisation can get its own underline). */
export type LookFor = (authors: readonly string[]) => AuthorLook;

/** The authors of the current text, most characters first; null while off or not yet computed. */
export function useTextAuthors(editor: Editor, doc: Y.Doc, on: boolean, lookFor: LookFor): AuthorShare[] | null {
  const [shares, setShares] = useState<AuthorShare[] | null>(null);
  useEffect(() => {
    if (!on) return;
    const fragment = bodyFragment(doc);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const draw = async () => {
      timer = null;
      const { owners } = await checkClaims(doc);
      if (stopped || editor.isDestroyed) return;
      // Read after the claims: the text and the editor are in step between transactions.
      const nodes = textAuthors(fragment, versionAuthors(doc, owners).inserter);
      const found = charactersByAuthor(nodes);
      const look = lookFor(found.map((s) => s.by));
      editor.view.dispatch(setAuthorDecorations(editor.state, authorDecorations(editor.state.doc, nodes, look)));
      setShares(found);
    };
    const later = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void draw(), REDRAW_AFTER_MS);
    };
    void draw();
    fragment.observeDeep(later);
    return () => {
      stopped = true;
      fragment.unobserveDeep(later);
      if (timer !== null) clearTimeout(timer);
      setShares(null);
      if (!editor.isDestroyed) editor.view.dispatch(setAuthorDecorations(editor.state, DecorationSet.empty));
    };
  }, [editor, doc, on, lookFor]);
  return on ? shares : null;
}
