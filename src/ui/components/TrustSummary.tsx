// The derived status of a referat and, per organisation that must approve, what this device can say of it.
import type { OrganisationApprovalState, TrustState } from '../../core/trustState';
import { useI18n } from '../i18n/I18nContext';

const ORG_STATE_KEY: Record<OrganisationApprovalState, 'approval.org.approved' | 'approval.org.unconfirmedKey' | 'approval.org.earlierVersion' | 'approval.org.missing'> = {
  approved: 'approval.org.approved',
  unconfirmedKey: 'approval.org.unconfirmedKey',
  earlierVersion: 'approval.org.earlierVersion',
  missing: 'approval.org.missing',
};

export function TrustSummary(props: { trust: TrustState }) {
  const { trust } = props;
  const { t } = useI18n();
  return (
    <>
      <p>{t('approval.status', { status: t(`status.${trust.status}`) })}</p>
      {trust.organisations.length === 0 ? (
        <p>{t('approval.noOrganisations')}</p>
      ) : (
        <ul className="approval-organisations" aria-label={t('approval.organisationsLabel')}>
          {trust.organisations.map((o) => (
            <li key={o.organisation} data-testid="approval-organisation" data-state={o.state}>
              {t(ORG_STATE_KEY[o.state], { organisation: o.organisation })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
