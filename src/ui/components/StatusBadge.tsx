// The derived status next to the title (Kladde / Til godkendelse / Godkendt), with what each organisation lacks:
// "mangler Medialogic A/S' godkendelse", and for the others what this device can say ("godkendte en tidligere version").
import type { OrganisationStatus, TrustState } from '../../core/trustState';
import { danishGenitive } from '../i18n/danishGenitive';
import { useI18n } from '../i18n/I18nContext';

/** "A, B og C". */
function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] ?? ''}`;
}

export function StatusBadge(props: { state: TrustState | null }) {
  const { t, lang } = useI18n();
  const { state } = props;
  if (!state) return <p className="status-badge" data-testid="status-badge" data-status="checking">{t('lock.checking')}</p>;
  // Per organisation only while it is out for approval: a draft lacks everything, an approved referat nothing.
  const details: OrganisationStatus[] = state.status === 'proposed' ? state.organisations : [];
  const missing = details.filter((o) => o.state === 'missing').map((o) => (lang === 'da' ? danishGenitive(o.organisation) : o.organisation));
  const parts = details
    .filter((o) => o.state !== 'missing')
    .map((o) => t('lock.orgState', { organisation: o.organisation, state: t(`lock.org.${o.state}`) }));
  if (missing.length > 0) parts.unshift(t('layout.badge.missing', { organisations: joinNames(missing, t('layout.badge.and')) }));
  return (
    <p className="status-badge" data-testid="status-badge" data-status={state.status}>
      <span className="visually-hidden">{`${t('lock.badgeLabel')}: `}</span>
      <strong className="status-badge-label">{t(`status.${state.status}`)}</strong>
      {parts.length > 0 && <span className="status-badge-details">{` — ${parts.join('; ')}`}</span>}
    </p>
  );
}
