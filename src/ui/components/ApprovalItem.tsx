// One approval in short words (who, when, whether it holds), with its hash, key and validity behind a disclosure.
import { useMemo, useState } from 'react';
import * as Y from 'yjs';
import { base64ToBytes } from '../../core/base64';
import { groupedHash } from '../../core/groupedHash';
import type { CheckedApproval, TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { useI18n } from '../i18n/I18nContext';
import { ChangesSince } from './ChangesSince';
import { KeyTrustLabel } from './KeyTrustLabel';

/** The snapshot an approval covered, or null (a version-1 entry, or one Yjs cannot read). */
function approvedSnapshot(a: CheckedApproval): Y.Snapshot | null {
  const bytes = a.snapshot === null ? null : base64ToBytes(a.snapshot);
  if (bytes === null) return null;
  try {
    return Y.decodeSnapshot(bytes);
  } catch {
    return null;
  }
}

export function ApprovalItem(props: { approval: CheckedApproval; session: ReferatSession; trust: TrustState }) {
  const { approval: a } = props;
  const { t, formatDateTime } = useI18n();
  const [showing, setShowing] = useState(false);
  // An approval of an earlier version: one click shows what changed since, by whom.
  const since = useMemo(() => (a.valid && !a.current ? approvedSnapshot(a) : null), [a]);
  const time = Date.parse(a.approvedAt);
  const when = Number.isNaN(time) ? a.approvedAt : formatDateTime(time);
  const verdict = !a.valid ? t('approval.invalidEntry') : a.current ? t('approval.current') : t('approval.earlier');
  return (
    <li data-testid="approval" className="approval" data-valid={a.valid} data-current={a.current} data-confirmed={a.confirmedAs !== null}>
      {/* An invalid entry proves nothing about its key: only what it claims is shown, never a confirmed name. */}
      {a.valid ? <KeyTrustLabel fingerprint={a.fingerprint} name={a.name} organisation={a.organisation} /> : <span>{`${a.name}, ${a.organisation}`}</span>}
      {`: ${t('approval.approvedAt', { when })}, `}
      <span className={a.valid ? undefined : 'field-error'}>{verdict}</span>
      {a.valid && a.confirmedAs === null && <span className="field-error">{`, ${t('approval.notCounted')}`}</span>}
      {since && (
        <button type="button" className="link-button" aria-expanded={showing} onClick={() => setShowing((v) => !v)}>
          {t(showing ? 'approval.hideChangesSince' : 'approval.changesSince')}
        </button>
      )}
      {since && showing && (
        <ChangesSince session={props.session} trust={props.trust} since={since} sinceName={t('approval.approvedVersion', { name: a.name, organisation: a.organisation })} onClose={() => setShowing(false)} />
      )}
      <details>
        <summary>{t('approval.details')}</summary>
        <p className="muted">
          {t('approval.hash', { hash: groupedHash(a.contentHash) })}
          <br />
          {t('approval.key', { fingerprint: a.fingerprint })}
          <br />
          {t(a.valid ? 'approval.valid' : 'approval.invalid')}
          {a.entryVersion === 1 && <><br />{t('approval.entryVersion1')}</>}
        </p>
      </details>
    </li>
  );
}
