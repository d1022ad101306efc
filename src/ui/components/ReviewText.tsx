// The minutes text of a referat for aktindsigt review, read-only: agenda items, decisions and action items in their
// order, each Y.XmlText one element (so a selection maps back to it) with its exempt passages marked.
import type { ReactNode } from 'react';
import * as Y from 'yjs';
import { ACTION_ITEM, AGENDA_ITEM, AGENDA_TITLE, DECISION } from '../../core/bodyNodes';
import { plainText } from '../../core/bodyTextNodes';
import { bodyFragment } from '../../core/referatDoc';
import { useI18n } from '../i18n/I18nContext';

export interface ReviewMark {
  from: number;
  to: number;
  /** The citation, e.g. "§ 30, nr. 2". */
  refs: string;
}

function TextNode(props: { text: Y.XmlText; index: number; marks: readonly ReviewMark[] }) {
  const { t } = useI18n();
  const plain = plainText(props.text);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of props.marks.toSorted((a, b) => a.from - b.from)) {
    if (m.from < at) continue;
    if (m.from > at) parts.push(plain.slice(at, m.from));
    parts.push(
      <mark key={m.from} className="exempt" data-ref={m.refs} title={t('case.markLabel', { ref: m.refs })}>
        {plain.slice(m.from, m.to)}
      </mark>,
    );
    at = m.to;
  }
  if (at < plain.length) parts.push(plain.slice(at));
  return <span data-text-index={props.index}>{parts}</span>;
}

export function ReviewText(props: { doc: Y.Doc; texts: readonly Y.XmlText[]; marks: ReadonlyMap<Y.XmlText, ReviewMark[]> }) {
  const { t } = useI18n();
  const index = new Map(props.texts.map((x, i) => [x, i]));
  const children = (node: Y.XmlFragment | Y.XmlElement): ReactNode[] =>
    node.toArray().map((child, i) => {
      if (child instanceof Y.XmlText) {
        const n = index.get(child) ?? -1;
        return <TextNode key={`t${n}`} text={child} index={n} marks={props.marks.get(child) ?? []} />;
      }
      // The body's elements have no ids of their own; their place in the fragment is stable while shown.
      return child instanceof Y.XmlElement ? element(child, `e${i}`) : null;
    });
  const element = (el: Y.XmlElement, key: string): ReactNode => {
    const inner = children(el);
    switch (el.nodeName) {
      case AGENDA_ITEM: return <section key={key} className="review-agenda">{inner}</section>;
      case AGENDA_TITLE: return <h3 key={key}>{inner}</h3>;
      case 'heading': return <h4 key={key}>{inner}</h4>;
      case 'paragraph': return <p key={key}>{inner}</p>;
      case DECISION: return <div key={key} className="review-decision"><p className="review-label">{t('case.decision')}</p>{inner}</div>;
      case ACTION_ITEM: return <div key={key} className="review-action"><span className="review-label">{t('case.actionItem')} </span>{inner}</div>;
      case 'bulletList': return <ul key={key}>{inner}</ul>;
      case 'orderedList': return <ol key={key}>{inner}</ol>;
      case 'listItem': return <li key={key}>{inner}</li>;
      case 'hardBreak': return <br key={key} />;
      case 'blockquote': return <blockquote key={key}>{inner}</blockquote>;
      default: return <div key={key}>{inner}</div>;
    }
  };
  return <>{children(bodyFragment(props.doc))}</>;
}
