// "Hvem skrev hvad" on the live document: a toggle that colours the text by author and organisation (each
// organisation also by its own underline, so colour is never the only cue), the name on hover (title) and at the
// caret (a status line, for keyboard users), and the authors with how much each wrote.
import type { Editor } from '@tiptap/react';
import { useCallback, useState, type CSSProperties } from 'react';
import { readParticipants } from '../../core/participants';
import type { TrustState } from '../../core/trustState';
import { authorAt } from '../../editor/authorHighlight';
import type { ReferatSession } from '../../session/referatSession';
import { useIdleEditorState } from '../hooks/useIdleEditorState';
import { useTextAuthors, type LookFor } from '../hooks/useTextAuthors';
import { useVersionsAuthors } from '../hooks/useVersionsAuthors';
import { useI18n } from '../i18n/I18nContext';
import '../styles/whoWroteWhat.css';

/** Underline styles, one per organisation in alphabetical order; beyond five they repeat (the colour and name still differ). */
const UNDERLINES = ['solid', 'dashed', 'dotted', 'double', 'wavy'] as const;

function underlineOf(organisation: string, organisations: readonly string[]): string {
  const i = organisations.indexOf(organisation.trim().toLowerCase());
  return i < 0 ? 'solid' : (UNDERLINES[i % UNDERLINES.length] ?? 'solid');
}

export function WhoWroteWhat(props: { editor: Editor; session: ReferatSession; trust: TrustState | null }) {
  const { editor, session, trust } = props;
  const { t, lang } = useI18n();
  const [on, setOn] = useState(false);
  const authors = useVersionsAuthors(session, trust);
  // The organisations in alphabetical order, each given its own underline: the participants', and every author's.
  const participantOrgs = JSON.stringify(readParticipants(session.doc).map((p) => p.organisation));
  const organisationsOf = useCallback(
    (keys: readonly string[]) => {
      const named = [...(JSON.parse(participantOrgs) as string[]), ...keys.map((k) => authors.author(k).organisation)];
      return [...new Set(named.map((o) => o.trim().toLowerCase()).filter(Boolean))].toSorted();
    },
    [participantOrgs, authors],
  );
  const lookFor = useCallback<LookFor>(
    (keys) => {
      const organisations = organisationsOf(keys);
      return (by) => {
        const a = authors.author(by);
        const person = a.state === 'verified' || a.state === 'unverified';
        return {
          class: `author-run author-${a.state}`,
          style: `--author-color: ${a.color}; --author-line: ${person ? underlineOf(a.organisation, organisations) : 'none'}`,
          title: a.state === 'template' ? t('authors.runTitleTemplate') : a.state === 'unknown' ? t('authors.runTitleUnknown') : t('authors.runTitle', { who: authors.who(by) }),
        };
      };
    },
    [organisationsOf, authors, t],
  );
  const shares = useTextAuthors(editor, session.doc, on, lookFor);
  const caret = useIdleEditorState(editor, (e) => (on ? authorAt(e.state, e.state.selection.head) : null));
  const total = shares?.reduce((n, s) => n + s.characters, 0) ?? 0;
  const number = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 });
  const organisations = organisationsOf((shares ?? []).map((x) => x.by));
  const named = (by: string) => (authors.author(by).state === 'template' ? t('authors.template') : authors.who(by));
  const caretLine = (by: string | null) => {
    const state = by === null ? null : authors.author(by).state;
    if (by === null) return t('authors.atCaretNone');
    if (state === 'template') return t('authors.atCaretTemplate');
    if (state === 'unknown') return t('authors.atCaretUnknown');
    return t('authors.atCaret', { who: authors.who(by) });
  };
  return (
    <div className={on ? 'who-wrote on' : 'who-wrote'}>
      <button type="button" aria-pressed={on} aria-describedby="who-wrote-help" onClick={() => setOn((v) => !v)}>
        {t('authors.toggle')}
      </button>
      <span id="who-wrote-help" className="who-wrote-help">{t('authors.toggleHelp')}</span>
      {on && (
        <>
          <p role="status" className="who-wrote-caret">
            {caretLine(caret)}
          </p>
          {shares === null ? (
            <p className="who-wrote-list">{t('authors.computing')}</p>
          ) : shares.length === 0 ? (
            <p className="who-wrote-list">{t('authors.empty')}</p>
          ) : (
            <ul className="who-wrote-list" aria-label={t('authors.listLabel')}>
              {shares.map((s) => {
                const a = authors.author(s.by);
                const person = a.state === 'verified' || a.state === 'unverified';
                const style = { '--author-color': a.color, '--author-line': person ? underlineOf(a.organisation, organisations) : 'none' } as CSSProperties;
                const percent = number.format(total === 0 ? 0 : (100 * s.characters) / total);
                const who = named(s.by);
                return (
                  <li key={s.by} style={style} data-state={a.state}>
                    <span className="author-swatch" aria-hidden="true" />
                    {s.characters === 1
                      ? t('authors.shareOne', { who, percent })
                      : t('authors.share', { who, count: number.format(s.characters), percent })}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
