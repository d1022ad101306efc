// One approval in short words (who, when, whether it holds), with its hash, key and validity behind a disclosure.
import { groupedHash } from '../../core/groupedHash';
import type { CheckedApproval } from '../../core/trustState';
import { useI18n } from '../i18n/I18nContext';
import { KeyTrustLabel } from './KeyTrustLabel';

export function ApprovalItem(props: { approval: CheckedApproval }) {
  const { approval: a } = props;
  const { t, formatDateTime } = useI18n();
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
