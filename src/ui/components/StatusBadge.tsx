// The derived status next to the title (Kladde / Til godkendelse / Godkendt), with what each organisation lacks.
import type { TrustState } from '../../core/trustState';
import { useI18n } from '../i18n/I18nContext';

export function StatusBadge(props: { state: TrustState | null }) {
  const { t } = useI18n();
  const { state } = props;
  if (!state) return <p className="status-badge" data-testid="status-badge" data-status="checking">{t('lock.checking')}</p>;
  // Per organisation only while it is out for approval: a draft lacks everything, an approved referat nothing.
  const details = state.status === 'proposed' ? state.organisations : [];
  return (
    <p className="status-badge" data-testid="status-badge" data-status={state.status}>
      <span className="visually-hidden">{`${t('lock.badgeLabel')}: `}</span>
      <strong className="status-badge-label">{t(`status.${state.status}`)}</strong>
      {details.length > 0 && (
        <span className="status-badge-details">
          {' — '}
          {details.map((o) => t('lock.orgState', { organisation: o.organisation, state: t(`lock.org.${o.state}`) })).join('; ')}
        </span>
      )}
    </p>
  );
}
