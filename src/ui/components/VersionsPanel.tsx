// "Versioner" on a referat's page: the current text, the named versions and the approvals, newest first; saving a
// named version; opening one read-only, comparing any two, and restoring one (with its undo). Opening, comparing and
// listing only read the document.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { CREATED, useVersions, type VersionEntry } from '../hooks/useVersions';
import { useVersionsAuthors } from '../hooks/useVersionsAuthors';
import { useVersionsCompare } from '../hooks/useVersionsCompare';
import { useVersionsRestore } from '../hooks/useVersionsRestore';
import { useI18n } from '../i18n/I18nContext';
import { VersionCompare } from './VersionCompare';
import { VersionSaveForm } from './VersionSaveForm';
import { VersionView } from './VersionView';

/**
 * `readOnly`: a referat of a newer format (nothing is written to it, not even a version); `locked`: approved and not
 * reopened (a version may be saved, since it changes no content, but nothing is restored).
 */
export function VersionsPanel(props: { session: ReferatSession; readOnly: boolean; locked: boolean; trust: TrustState | null }) {
  const { session, readOnly, locked, trust } = props;
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const versions = useVersions(session, trust);
  const authors = useVersionsAuthors(session, trust);
  const view = useVersionsCompare(session);
  const restoring = useVersionsRestore(session);
  const [restoreMessage, setRestoreMessage] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const selectable = versions.filter((v) => v.valid === true);
  const [fromKey, setFromKey] = useState<string | null>(null);
  const [toKey, setToKey] = useState<string | null>(null);
  const from = selectable.find((v) => v.key === fromKey) ?? selectable[1] ?? selectable[0];
  const to = selectable.find((v) => v.key === toKey) ?? selectable[0];
  const canChange = !readOnly && !locked;

  const when = (iso: string) => {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : formatDateTime(time);
  };
  const whoSigned = (v: VersionEntry) => (v.name.trim() && v.organisation.trim() ? t('versions.who', { name: v.name, organisation: v.organisation }) : v.name || v.organisation);
  const autoName = (v: VersionEntry) => t(`versions.auto.${v.label === 'import' || v.label === 'live' || v.label === 'relay' ? v.label : 'pause'}`);
  const versionName = (v: VersionEntry) =>
    v.kind === 'current' ? t('versions.current')
      : v.kind === 'created' ? t('versions.created')
        : v.kind === 'named' ? t('versions.named', { label: v.label })
          : v.kind === 'auto' ? autoName(v)
            : t('versions.approvedBy', { who: whoSigned(v) });
  const optionName = (v: VersionEntry) =>
    v.kind === 'current' ? t('versions.current')
      : v.kind === 'created' ? t('versions.created')
        : v.kind === 'named' ? t('versions.optionNamed', { label: v.label, when: when(v.at) })
          : v.kind === 'auto' ? t('versions.optionAuto', { name: autoName(v), when: when(v.at) })
            : t('versions.optionApproval', { name: whoSigned(v), when: when(v.at) });

  const compare = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from.key !== to.key) void view.compare(from, to);
  };

  const restore = (v: VersionEntry) => {
    setRestoreError(null);
    if (!v.snapshot) return;
    try {
      restoring.restore(v.snapshot, versionName(v));
      view.close();
      setRestoreMessage(t('versions.restored', { name: versionName(v) }));
    } catch (e) {
      setRestoreError(t('versions.restoreFailed', { message: errorMessage(e) }));
    }
  };

  const undo = () => {
    setRestoreError(null);
    try {
      restoring.undo();
      setRestoreMessage(t('versions.restoreUndone'));
    } catch (e) {
      setRestoreError(t('versions.restoreFailed', { message: errorMessage(e) }));
    }
  };

  return (
    <section className="versions-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('versions.title')}</h2>
      <p className="muted">{t('versions.intro')}</p>
      <ul className="versions-list" aria-label={t('versions.listLabel')}>
        {versions.map((v) => (
          <li key={v.key} data-kind={v.kind} data-valid={String(v.valid)}>
            <p className="version-name">{versionName(v)}</p>
            <p className="muted version-meta">
              {v.kind === 'current' ? t('versions.currentNote')
                : v.kind === 'named' ? t('versions.savedBy', { who: whoSigned(v), when: when(v.at) })
                  : v.kind === 'auto' ? t('versions.autoNote', { when: when(v.at) })
                    : when(v.at)}
            </p>
            {v.valid === null && <p className="muted">{t('versions.checking')}</p>}
            {v.valid === false && <p className="version-invalid">{t('versions.invalid')}</p>}
            {v.valid === true && !v.covered && <p className="version-invalid">{t('versions.notCovered')}</p>}
            {v.valid === true && v.kind !== 'current' && (
              <div className="actions">
                <button type="button" aria-label={t('versions.openLabel', { label: versionName(v) })} onClick={() => view.open(v)}>{t('versions.open')}</button>
                <button type="button" aria-label={t('versions.compareWithCurrentLabel', { label: versionName(v) })} onClick={() => versions[0] && void view.compare(v, versions[0])}>
                  {t('versions.compareWithCurrent')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => versions[0] && void view.compare(CREATED, versions[0])}>{t('versions.whoWroteWhat')}</button>
      </div>
      {!readOnly && <VersionSaveForm session={session} />}
      {selectable.length > 1 && from && to && (
        <form className="version-compare-form" onSubmit={compare} aria-labelledby={`${id}-c`}>
          <h3 id={`${id}-c`}>{t('versions.compareTitle')}</h3>
          <div className="version-compare-fields">
            {([['from', t('versions.compareFrom'), from, setFromKey], ['to', t('versions.compareTo'), to, setToKey]] as const).map(([which, label, chosen, choose]) => (
              <div className="field" key={which}>
                <label htmlFor={`${id}-${which}`}>{label}</label>
                <select id={`${id}-${which}`} value={chosen.key} onChange={(e) => choose(e.target.value)}>
                  {selectable.map((v) => <option key={v.key} value={v.key}>{optionName(v)}</option>)}
                </select>
              </div>
            ))}
          </div>
          <div className="actions">
            <button type="submit" disabled={from.key === to.key}>{t('versions.compare')}</button>
            {from.key === to.key && <p className="muted">{t('versions.compareSame')}</p>}
          </div>
        </form>
      )}
      {view.error && <p role="alert" className="field-error">{t('versions.compareFailed', { message: view.error })}</p>}
      {view.shown?.kind === 'open' && (
        <VersionView
          key={view.shown.seq}
          version={view.shown.version}
          nodes={view.shown.nodes}
          authors={authors}
          versionName={versionName}
          canRestore={canChange}
          onRestore={() => view.shown?.kind === 'open' && restore(view.shown.version)}
          onClose={view.close}
        />
      )}
      {view.shown?.kind === 'compare' && (
        <VersionCompare key={view.shown.seq} from={view.shown.from} to={view.shown.to} nodes={view.shown.nodes} authors={authors} versionName={versionName} onClose={view.close} />
      )}
      <div role="status" aria-live="polite" className="version-restore-status">
        {restoreMessage && <p className="notice">{restoreMessage}</p>}
      </div>
      {restoring.last && canChange && (
        <div className="actions">
          <button type="button" onClick={undo}>{t('versions.undoRestore')}</button>
        </div>
      )}
      {restoreError && <p role="alert" className="field-error">{restoreError}</p>}
    </section>
  );
}
