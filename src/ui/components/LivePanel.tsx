// Live co-editing: the invitation link, the connection state (always visible), and who is here.
import { useId, useState, useSyncExternalStore } from 'react';
import { invitationUrl } from '../../session/invite';
import type { LiveSession } from '../../session/liveSession';
import type { LiveControl } from '../hooks/useLiveSession';
import { useI18n } from '../i18n/I18nContext';

const NO_PEERS: ReturnType<LiveSession['peers']> = [];

export function LivePanel(props: { control: LiveControl; readOnly: boolean }) {
  const { live, error, start, stop } = props.control;
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="live-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('live.title')}</h2>
      {live ? (
        <LiveDetails live={live} onStop={() => void stop()} />
      ) : (
        <>
          <p className="live-status" role="status">{t('live.status.off')}</p>
          {!props.readOnly && <button type="button" className="primary" onClick={() => void start()}>{t('live.invite')}</button>}
        </>
      )}
      {error && <p role="alert" className="field-error">{t('error.generic', { message: error.message })}</p>}
    </section>
  );
}

function LiveDetails(props: { live: LiveSession; onStop: () => void }) {
  const { live } = props;
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const status = useSyncExternalStore((l) => live.onStatus(l), () => live.status());
  const peers = useSyncExternalStore((l) => live.onPeers(l), () => live.peers() ?? NO_PEERS);
  const link = invitationUrl(window.location.origin, live.invitation);
  const statusText =
    status.kind === 'offline' ? t('live.status.offline')
      : status.kind === 'connecting' ? t('live.status.connecting')
        : t('live.status.connected', { count: status.peers });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <p className="live-status" role="status" data-state={status.kind}>{statusText}</p>
      <div className="field">
        <label htmlFor={`${id}-link`}>{t('live.link')}</label>
        <input id={`${id}-link`} className="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        <p className="muted">{t('live.linkHelp')}</p>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>{t('live.copyLink')}</button>
        <button type="button" onClick={props.onStop}>{t('live.stop')}</button>
        <span role="status">{copied ? t('live.copied') : ''}</span>
      </div>
      <h3>{t('live.here')}</h3>
      {peers.length === 0 ? (
        <p className="muted">{t('live.nobody')}</p>
      ) : (
        <ul className="presence" aria-label={t('live.here')}>
          {peers.map((p) => (
            <li key={p.clientId} style={{ borderColor: p.color }}>
              <span aria-hidden="true" style={{ color: p.color }}>●</span>
              <span>{p.name}</span>
              <span className="muted">({p.organisation})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
