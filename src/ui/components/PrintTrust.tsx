// The printed page's status and approvals: the trust state checked on this device, in the same words as every
// export (export/approvalReport.ts), shown only when printing. PrintStatus heads the page; PrintTrust ends it.
import type { TrustState } from '../../core/trustState';
import { approvalLine, approvalReport, organisationLine, uncountedLine } from '../../export/approvalReport';
import { exportLabels } from '../../export/exportLabels';
import { useI18n } from '../i18n/I18nContext';

/** "Status: Til godkendelse", and per organisation what holds ("Leverandør A/S: mangler godkendelse"). */
export function PrintStatus(props: { trust: TrustState | null }) {
  const { t, lang } = useI18n();
  const l = exportLabels(lang);
  if (!props.trust) return <p data-testid="print-status">{t('export.print.checking')}</p>;
  const report = approvalReport(props.trust);
  return (
    <>
      <p data-testid="print-status">
        <strong>{l.status}:</strong> {l.statuses[report.status]}
      </p>
      {report.organisations.length > 0 && (
        <>
          <p><strong>{l.organisationsToApprove}:</strong></p>
          <ul>{report.organisations.map((o) => <li key={o.organisation}>{organisationLine(o, l)}</li>)}</ul>
        </>
      )}
    </>
  );
}

/** The valid approvals as a list, the entries that do not count, and how the status was derived. */
export function PrintTrust(props: { trust: TrustState | null }) {
  const { lang } = useI18n();
  const l = exportLabels(lang);
  if (!props.trust) return null;
  const report = approvalReport(props.trust);
  return (
    <div className="print-trust" data-testid="print-trust">
      <p><strong>{l.approvals}:</strong>{report.approvals.length === 0 && ` ${l.noApprovals}`}</p>
      {report.approvals.length > 0 && (
        <ul>{report.approvals.map((a, i) => <li key={`${a.fingerprint} ${a.approvedAt} ${i}`}>{approvalLine(a, l)}</li>)}</ul>
      )}
      {report.uncounted.length > 0 && (
        <>
          <p><strong>{l.notCounted}:</strong></p>
          <ul>{report.uncounted.map((u, i) => <li key={`${u.kind} ${u.name} ${i}`}>{uncountedLine(u, l)}</li>)}</ul>
        </>
      )}
      <p className="print-derivation">{l.derivation}</p>
    </div>
  );
}
