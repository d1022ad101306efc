// The minutes text of a version, or the changes between two, from the core diff (core/versionDiff.ts): kept text as
// it is, inserted text in <ins> and deleted text in <del> (underlined and struck through, never by colour alone), in
// the colour of the author's organisation, each named for screen readers ("indsat af Mette Holm, Aarhus Kommune").
// A long text is drawn in growing parts, one per frame, so its first screen shows at once (core/diffPrefix.ts).
import { memo, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { diffPrefix } from '../../core/diffPrefix';
import { EMBED, type AttributeChange, type ElementDiff, type TextDiff, type TextRun } from '../../core/versionDiff';
import type { VersionAuthor } from '../hooks/useVersionsAuthors';
import type { VersionNodes } from '../hooks/useVersionsCompare';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messagesDa';
import { LOCALES } from '../i18n/translate';

type Node = ElementDiff | TextDiff;

interface Ctx {
  author: (key: string) => VersionAuthor;
  /** The author in words, as the legend names them. */
  who: (key: string) => string;
  t: ReturnType<typeof useI18n>['t'];
  shortDate: (iso: string) => string;
}

const FIELD_NAMES: Record<string, MessageKey> = {
  due: 'versions.field.due',
  owner: 'versions.field.owner',
  ownerOrganisation: 'versions.field.ownerOrganisation',
  done: 'versions.field.done',
  caseNumber: 'versions.field.caseNumber',
  kleCode: 'versions.field.kleCode',
  level: 'versions.field.level',
};
/** Attributes that are identities or provenance, not something a reader changes: never listed. */
const HIDDEN_FIELDS = new Set(['id', 'originDoc', 'originItem']);

function fieldValue(name: string, value: unknown, c: Ctx): string {
  if (value === undefined || value === null || value === '') return c.t('versions.empty');
  if (typeof value === 'boolean') return c.t(value ? 'versions.yes' : 'versions.no');
  if (name === 'due' && typeof value === 'string') return c.shortDate(value);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function marked(run: TextRun, content: ReactNode): ReactNode {
  const a = run.attributes ?? {};
  let out = content;
  if (a.bold) out = <strong>{out}</strong>;
  if (a.italic) out = <em>{out}</em>;
  if (a.underline) out = <u>{out}</u>;
  if (a.strike) out = <s>{out}</s>;
  // A link is shown as text: a version is read, not followed, and its address is not checked here.
  if (a.link) out = <span className="version-link">{out}</span>;
  return out;
}

const Run = memo(function Run(props: { run: TextRun; c: Ctx }) {
  const { run, c } = props;
  const text = run.text === EMBED ? '' : run.text;
  if (run.change === 'same' || run.by === null) return <>{marked(run, text)}</>;
  const label = c.t(run.change === 'inserted' ? 'versions.insertedBy' : 'versions.deletedBy', { who: c.who(run.by) });
  const style = { '--author-color': c.author(run.by).color } as CSSProperties;
  const Tag = run.change === 'inserted' ? 'ins' : 'del';
  return (
    <Tag className={`version-${run.change}`} style={style} title={label} data-by={run.by}>
      <span className="visually-hidden">[{label}: </span>
      {marked(run, text)}
      <span className="visually-hidden">]</span>
    </Tag>
  );
});

const Text = memo(function Text(props: { node: TextDiff; c: Ctx }) {
  // Runs have no identity of their own; their place is their key.
  // oxlint-disable-next-line react/no-array-index-key
  return <>{props.node.runs.map((run, i) => <Run key={i} run={run} c={props.c} />)}</>;
});

function FieldChanges(props: { changes: AttributeChange[]; c: Ctx }) {
  const { c } = props;
  const shown = props.changes.filter((ch) => !HIDDEN_FIELDS.has(ch.name));
  if (shown.length === 0) return null;
  return (
    <ul className="version-fields-changed">
      {shown.map((ch) => {
        const nameKey = FIELD_NAMES[ch.name];
        return (
          <li key={ch.name} style={{ '--author-color': c.author(ch.by).color } as CSSProperties} data-testid="version-field-change">
            {c.t('versions.fieldChange', { field: nameKey ? c.t(nameKey) : ch.name, before: fieldValue(ch.name, ch.before, c), after: fieldValue(ch.name, ch.after, c) })}{' '}
            <span className="version-changed-by">({c.t('versions.changedBy', { who: c.who(ch.by) })})</span>
          </li>
        );
      })}
    </ul>
  );
}

function Children(props: { nodes: readonly Node[]; c: Ctx }) {
  // Nodes have no identity of their own in a diff; their place is their key.
  // oxlint-disable-next-line react/no-array-index-key
  return <>{props.nodes.map((node, i) => (node.kind === 'text' ? <Text key={i} node={node} c={props.c} /> : <Element key={i} node={node} c={props.c} />))}</>;
}

const Element = memo(function Element(props: { node: ElementDiff; c: Ctx }) {
  const { node, c } = props;
  const kids = <Children nodes={node.children} c={c} />;
  const fields = <FieldChanges changes={node.attributeChanges} c={c} />;
  const changed = node.change !== 'same' && node.by !== null;
  const blockNote = changed ? (
    <span className="visually-hidden">{c.t(node.change === 'inserted' ? 'versions.blockInserted' : 'versions.blockDeleted', { who: c.who(node.by!) })}: </span>
  ) : null;
  const cls = changed ? `version-block version-block-${node.change}` : 'version-block';
  const style = changed ? ({ '--author-color': c.author(node.by!).color } as CSSProperties) : undefined;
  const a = node.attributes;
  switch (node.nodeName) {
    case 'paragraph':
      return <p className={cls} style={style}>{blockNote}{kids}</p>;
    case 'heading':
      return Number(a.level) >= 3
        ? <h5 className={cls} style={style}>{blockNote}{kids}</h5>
        : <h4 className={cls} style={style}>{blockNote}{kids}</h4>;
    case 'agendaItem': {
      const caseNumber = typeof a.caseNumber === 'string' ? a.caseNumber : '';
      const kle = typeof a.kleCode === 'string' ? a.kleCode : '';
      return (
        <section className={`${cls} version-agenda-item`} style={style}>
          {blockNote}
          {(caseNumber || kle) && (
            <p className="version-node-fields">
              {caseNumber && <>{c.t('versions.field.caseNumber')}: {caseNumber} </>}
              {kle && <>{c.t('versions.field.kleCode')}: {kle}</>}
            </p>
          )}
          {fields}
          {kids}
        </section>
      );
    }
    case 'agendaTitle':
      return <h4 className={`${cls} version-agenda-title`} style={style}>{blockNote}{kids}</h4>;
    case 'decision':
      return (
        <div className={`${cls} version-decision`} style={style}>
          {blockNote}
          <p className="version-node-label">{c.t('versions.decision')}</p>
          {kids}
        </div>
      );
    case 'actionItem': {
      const owner = [a.owner, a.ownerOrganisation].filter((v) => typeof v === 'string' && v.trim()).join(', ');
      return (
        <div className={`${cls} version-action-item`} style={style}>
          {blockNote}
          <p className="version-node-label">{c.t('versions.actionItem')}</p>
          <p className="version-action-text">{kids}</p>
          <p className="version-node-fields">
            {c.t('versions.field.owner')}: {owner || c.t('versions.empty')} · {c.t('versions.field.due')}: {fieldValue('due', a.due, c)}
            {a.done === true && <> · {c.t('versions.field.done')}</>}
          </p>
          {fields}
        </div>
      );
    }
    case 'bulletList':
      return <ul className={cls} style={style}>{kids}</ul>;
    case 'orderedList':
      return <ol className={cls} style={style} start={typeof a.start === 'number' ? a.start : undefined}>{kids}</ol>;
    case 'listItem':
      return <li className={cls} style={style}>{blockNote}{kids}</li>;
    case 'blockquote':
      return <blockquote className={cls} style={style}>{blockNote}{kids}</blockquote>;
    case 'horizontalRule':
      return <hr className={cls} />;
    case 'hardBreak':
      return <br />;
    default:
      // A node this version does not know (from a newer one): its text is still shown.
      return <div className={cls} style={style}>{blockNote}{fields}{kids}</div>;
  }
});

/** Characters drawn in the first frame (a few screens), then four times as many in each next frame until all are. */
const FIRST_BUDGET = 6000;
const GROWTH = 4;

/** The part of `nodes` to draw now: it only grows while mounted, so a comparison that follows the text never shrinks. */
function useGrowingPrefix(nodes: VersionNodes) {
  const [budget, setBudget] = useState(FIRST_BUDGET);
  const prefix = useMemo(() => diffPrefix(nodes, budget), [nodes, budget]);
  useEffect(() => {
    if (prefix.complete) return;
    const frame = requestAnimationFrame(() => setBudget((b) => b * GROWTH));
    return () => cancelAnimationFrame(frame);
  }, [prefix]);
  return prefix;
}

/** `who` names an author key as the legend does; `label` is the accessible name of the text. Re-rendered only when a prop changes. */
export const VersionBody = memo(function VersionBody(props: { nodes: VersionNodes; author: (key: string) => VersionAuthor; who: (key: string) => string; label: string; testId?: string }) {
  const { t, lang } = useI18n();
  const { author, who } = props;
  const c: Ctx = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const shortDate = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(d.getTime()) ? fmt.format(d) : iso;
    };
    return { author, who, t, shortDate };
  }, [author, who, t, lang]);
  const shown = useGrowingPrefix(props.nodes);
  return (
    <article className="version-text" aria-label={props.label} aria-busy={!shown.complete} data-complete={shown.complete} data-testid={props.testId}>
      <Children nodes={shown.nodes} c={c} />
    </article>
  );
});
