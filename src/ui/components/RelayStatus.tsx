// The relay's state for an open shared referat (store and forward): connected or waiting, whether this copy's
// changes are delivered, what arrived, and every entry refused with its reason. Shown in the sharing part.
import type { RelayStatus as RelayState } from '../../session/relaySession';
import { useI18n } from '../i18n/I18nContext';
import { formatMoment } from '../i18n/formatMoment';
import '../styles/relay.css';

function stateKey(s: RelayState) {
  if (s.link === 'refused') return 'relay.status.refused' as const;
  if (s.link === 'synced') return s.waiting ? ('relay.status.sending' as const) : ('relay.status.synced' as const);
  if (s.link === 'connected') return 'relay.status.connected' as const;
  return s.waiting ? ('relay.status.connecting' as const) : ('relay.status.connectingIdle' as const);
}

/** `status`: from useRelay, which the referat page runs (the live panel reads it too); null while not shared. */
export function RelayStatus(props: { status: RelayState | null }) {
  const { t, lang } = useI18n();
  const { status } = props;
  if (!status) return null;
  return (
    <div className="relay-status" data-testid="relay-status" data-link={status.link} data-waiting={status.waiting}>
      <p className="relay-state" role="status">{t(stateKey(status))}</p>
      {status.full && <p role="alert" className="warning" data-testid="relay-full">{t('relay.full')}</p>}
      {status.liveViaRelay && (
        <p className="relay-live" data-testid="relay-live" role="status">
          {t('relay.live.path')}
          {status.roundTripMs !== null && <> {t('relay.live.delay', { ms: String(status.roundTripMs) })}</>}
        </p>
      )}
      {status.lastExchange !== null && <p className="muted">{t('relay.lastExchange', { when: formatMoment(t, lang, status.lastExchange) })}</p>}
      {status.received > 0 && <p data-testid="relay-received">{t('relay.received', { count: String(status.received) })}</p>}
      {status.failure && <p>{t('relay.failure', { detail: status.failure })}</p>}
      {status.refused.length > 0 && (
        <div className="relay-refused" role="alert" data-testid="relay-refused">
          <p>{t('relay.refused.title', { count: String(status.refused.length) })}</p>
          <ul>
            {status.refused.map((r) => (
              <li key={`${r.key}:${r.reason}`} data-reason={r.reason}>{t('relay.refused.item', { reason: t(`relay.reason.${r.reason}`), key: r.key })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
