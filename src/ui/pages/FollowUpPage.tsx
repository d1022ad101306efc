// Opfølgning: every action item in the referater on this device, filtered by owner, organisation, series, status
// and due date; ticking one off writes it into its referat.
import { useId, useMemo, useState } from 'react';
import type { ActionItemInfo } from '../../core/structure';
import { useApp } from '../hooks/AppContext';
import { useFollowUpRows } from '../hooks/useFollowUpRows';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';
import { todayIsoDate } from '../todayIsoDate';

type StatusFilter = 'open' | 'done' | 'all';
type DueFilter = 'all' | 'overdue' | 'week' | 'none';

interface Filters {
  owner: string;
  organisation: string;
  series: string;
  status: StatusFilter;
  due: DueFilter;
}

interface Row {
  key: string;
  docId: string;
  docTitle: string;
  docDate: string;
  seriesId: string;
  seriesName: string;
  indexedAt: number;
  item: ActionItemInfo;
}

interface Pending {
  done: boolean;
  /** The index row's indexedAt once the tick is written into the referat; null while it is being written. */
  writtenAt: number | null;
  /** Which tick this is, so a later tick of the same item is not undone by an earlier one finishing. */
  tick: number;
}

let ticks = 0;

/** How long a written tick may be shown from the page itself before only the index row counts again. */
const PENDING_MS = 2000;

/** Rows shown at first and added by "Vis flere", so thousands of items stay quick to show. */
const PAGE = 200;

const DEFAULT_FILTERS: Filters = { owner: '', organisation: '', series: '', status: 'open', due: 'all' };
// One collator for every comparison: localeCompare builds one per call (sorting ~20,000 items).
const byDanish = new Intl.Collator('da').compare;

/** The date `days` after today, in the user's time zone, as YYYY-MM-DD. */
function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return todayIsoDate(d);
}

/** Open items with a due date first, soonest first; then open items without one; ties by newest referat. */
function compareRows(a: Row, b: Row): number {
  const da = a.item.due || '9999-99-99';
  const db = b.item.due || '9999-99-99';
  if (da !== db) return da < db ? -1 : 1;
  if (a.docDate !== b.docDate) return a.docDate < b.docDate ? 1 : -1;
  return byDanish(a.item.text, b.item.text);
}

export function FollowUpPage() {
  const { db, profile } = useApp();
  const { t, formatDate } = useI18n();
  const id = useId();
  const entries = useFollowUpRows(db);
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  /** What the user just ticked, shown at once while it is written, until the index row changes. */
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  /** Items changed on this page stay in the list until the filters change, so a tick can be undone. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  /** Said (politely) once a tick is written into the referat. */
  const [notice, setNotice] = useState('');

  const rows = useMemo(() => {
    const out: Row[] = [];
    const untitled = t('library.untitled');
    for (const e of entries ?? []) {
      const docTitle = e.title.trim() || untitled;
      for (const item of e.actionItems) {
        out.push({
          key: `${e.id}/${item.id}`,
          docId: e.id,
          docTitle,
          docDate: e.date,
          seriesId: e.seriesId,
          seriesName: e.seriesName,
          indexedAt: e.indexedAt,
          item,
        });
      }
    }
    return out.toSorted(compareRows);
  }, [entries, t]);

  const owners = useMemo(() => [...new Set(rows.map((r) => r.item.owner.trim()).filter(Boolean))].toSorted(byDanish), [rows]);
  const organisations = useMemo(() => [...new Set(rows.map((r) => r.item.ownerOrganisation.trim()).filter(Boolean))].toSorted(byDanish), [rows]);
  const series = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of rows) if (r.seriesId) names.set(r.seriesId, r.seriesName.trim() || r.docTitle);
    return [...names].toSorted((a, b) => byDanish(a[1], b[1]));
  }, [rows]);

  const today = todayIsoDate();
  const weekEnd = daysFromToday(7);
  const isDone = (r: Row) => {
    const p = pending.get(r.key);
    // The page's own value until the index row that holds the write (or a later one) arrives.
    return p && (p.writtenAt === null || r.indexedAt < p.writtenAt) ? p.done : r.item.done;
  };
  const isOverdue = (r: Row) => !isDone(r) && r.item.due !== '' && r.item.due < today;

  const visible = rows.filter((r) => {
    if (filters.owner && r.item.owner.trim() !== filters.owner) return false;
    if (filters.organisation && r.item.ownerOrganisation.trim() !== filters.organisation) return false;
    if (filters.series && r.seriesId !== filters.series) return false;
    if (!touched.has(r.key)) {
      if (filters.status === 'open' && isDone(r)) return false;
      if (filters.status === 'done' && !isDone(r)) return false;
    }
    if (filters.due === 'overdue' && !isOverdue(r)) return false;
    if (filters.due === 'week' && !(r.item.due !== '' && r.item.due >= today && r.item.due <= weekEnd)) return false;
    if (filters.due === 'none' && r.item.due !== '') return false;
    return true;
  });

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setTouched(new Set());
    setShown(PAGE);
  };

  const toggle = async (r: Row, done: boolean) => {
    setError(null);
    setNotice('');
    const what = r.item.text.trim() || t('followUp.untitled');
    const tick = ++ticks;
    setPending((p) => new Map(p).set(r.key, { done, writtenAt: null, tick }));
    setTouched((s) => new Set(s).add(r.key));
    const forget = () =>
      setPending((p) => {
        if (p.get(r.key)?.tick !== tick) return p;
        const next = new Map(p);
        next.delete(r.key);
        return next;
      });
    try {
      const [{ setActionItemDoneIn }, { loadLocalIdentity }] = await Promise.all([
        import('../../session/setActionItemDoneIn'),
        import('../../session/localIdentity'),
      ]);
      const fingerprint = await loadLocalIdentity(db, profile).then((l) => l.me.fingerprint, () => undefined);
      const found = await setActionItemDoneIn(db, r.docId, r.item.id, done, fingerprint ? { authorFingerprint: fingerprint } : {});
      if (!found) {
        forget();
        setError(t('followUp.gone'));
      } else {
        const writtenAt = (await db.referater.get(r.docId))?.indexedAt ?? 0;
        setPending((p) => (p.get(r.key)?.tick === tick ? new Map(p).set(r.key, { done, writtenAt, tick }) : p));
        setNotice(t(done ? 'followUp.markedDone' : 'followUp.markedOpen', { what }));
        setTimeout(forget, PENDING_MS);
      }
    } catch (e) {
      forget();
      setError(t('followUp.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const select = (key: keyof Filters, label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={filters[key]} onChange={(e) => setFilter({ [key]: e.target.value })}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );

  const count = visible.length === 1 ? t('followUp.countOne') : t('followUp.count', { count: visible.length });

  return (
    <main id="main" className="page">
      <h1>{t('followUp.title')}</h1>
      <p className="muted">{t('followUp.intro')}</p>
      <fieldset className="search-filters">
        <legend>{t('followUp.filters')}</legend>
        {select('owner', t('followUp.owner'), [['', t('followUp.all')], ...owners.map((o): [string, string] => [o, o])])}
        {select('organisation', t('followUp.organisation'), [['', t('followUp.all')], ...organisations.map((o): [string, string] => [o, o])])}
        {select('series', t('followUp.series'), [['', t('followUp.all')], ...series])}
        {select('status', t('followUp.status'), [
          ['open', t('followUp.status.open')],
          ['done', t('followUp.status.done')],
          ['all', t('followUp.status.all')],
        ])}
        {select('due', t('followUp.due'), [
          ['all', t('followUp.due.all')],
          ['overdue', t('followUp.due.overdue')],
          ['week', t('followUp.due.week')],
          ['none', t('followUp.due.none')],
        ])}
      </fieldset>
      {error && <p role="alert" className="field-error">{error}</p>}
      <p role="status" aria-live="polite" className="notice">{notice}</p>
      <p role="status" aria-live="polite" aria-atomic="true" className="search-summary">{entries ? count : ''}</p>
      {entries && rows.length === 0 && <p className="empty">{t('followUp.none')}</p>}
      {entries && rows.length > 0 && visible.length === 0 && <p className="empty">{t('followUp.empty')}</p>}
      {visible.length > 0 && (
        <table className="follow-up">
          <caption className="visually-hidden">{t('followUp.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.col.done')}</th>
              <th scope="col">{t('followUp.col.what')}</th>
              <th scope="col">{t('followUp.col.owner')}</th>
              <th scope="col">{t('followUp.col.organisation')}</th>
              <th scope="col">{t('followUp.col.due')}</th>
              <th scope="col">{t('followUp.col.referat')}</th>
              <th scope="col">{t('followUp.col.series')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, shown).map((r) => {
              const what = r.item.text.trim() || t('followUp.untitled');
              const done = isDone(r);
              const overdue = isOverdue(r);
              return (
                <tr key={r.key} className={overdue ? 'overdue' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      checked={done}
                      aria-label={t('followUp.markDone', { what })}
                      onChange={(e) => void toggle(r, e.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    <Link to={`${referatPath(r.docId)}#item-${encodeURIComponent(r.item.id)}`}>{what}</Link>
                  </th>
                  <td>{r.item.owner.trim() || <span className="muted">{t('followUp.noOwner')}</span>}</td>
                  <td>{r.item.ownerOrganisation}</td>
                  <td>
                    {r.item.due ? formatDate(r.item.due) : <span className="muted">{t('followUp.noDue')}</span>}
                    {overdue && <strong className="overdue-label"> {t('followUp.overdue')}</strong>}
                  </td>
                  <td>
                    <Link to={referatPath(r.docId)}>{r.docTitle}</Link>
                    <br />
                    <span className="muted">{r.docDate ? formatDate(r.docDate) : t('library.noDate')}</span>
                  </td>
                  <td>{r.seriesName}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {visible.length > shown && (
        <div className="actions more">
          <p className="muted">{t('search.showing', { shown, total: visible.length })}</p>
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('search.showMore')}</button>
        </div>
      )}
    </main>
  );
}
