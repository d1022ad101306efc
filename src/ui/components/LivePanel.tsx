// Live co-editing: the invitation link (one for the whole meeting series), the connection state (always visible), who
// is here (proven or not, with their key confirmed or not), a warning when a proven peer's copy diverged from this
// one, and the other meetings of the series that other devices announce (SeriesNotices).
import { useId, useState, useSyncExternalStore } from 'react';
import type { KeyDirectory } from '../../core/knownKey';
import { INVITATION_DAYS, invitationUrl } from '../../session/invite';
import type { LiveSession, PeerPresence } from '../../session/liveSession';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import type { LiveControl, LiveEnded } from '../hooks/useLiveSession';
import { useI18n } from '../i18n/I18nContext';
import { KeyTrustLabel } from './KeyTrustLabel';
import { SeriesNotices } from './SeriesNotices';
import type { RelayStatus } from '../../session/relaySession';

const NO_PEERS: ReturnType<LiveSession['peers']> = [];

/** `relay`: the relay's status, so the live status can say when the relay carries the live session. */
export function LivePanel(props: { control: LiveControl; readOnly: boolean; relay?: RelayStatus | null }) {
  const { live, lobby, error, ended, start, stop } = props.control;
  const { t } = useI18n();
  const id = useId();
  const [days, setDays] = useState<number>(INVITATION_DAYS[0]);
  return (
    <section className="live-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('live.title')}</h2>
      {live ? (
        <>
          {lobby && <SeriesNotices lobby={lobby} invitation={live.invitation} />}
          <LiveDetails live={live} relay={props.relay ?? null} onStop={() => void stop()} />
        </>
      ) : (
        <>
          {ended && <EndedNote ended={ended} />}
          <p className="live-status" role="status">{t('live.status.off')}</p>
          {!props.readOnly && (
            <>
              <div className="actions">
                <label htmlFor={`${id}-days`}>{t('liveRoom.expiry.label')}</label>
                <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
                  {INVITATION_DAYS.map((d) => <option key={d} value={d}>{d === 90 ? t('series.expiry.90') : t(`liveRoom.expiry.${d}`)}</option>)}
                </select>
                <button type="button" className="primary" onClick={() => void start(days)} aria-describedby={`${id}-series`}>{t('live.invite')}</button>
              </div>
              <p className="muted series-help" id={`${id}-series`}>{t('series.inviteHelp')}</p>
            </>
          )}
        </>
      )}
      {error && <p role="alert" className="field-error">{t('error.generic', { message: error.message })}</p>}
    </section>
  );
}

/** Why sharing stopped: here, by a peer (named as it announced itself), or because the invitation expired. */
function EndedNote(props: { ended: LiveEnded }) {
  const { ended } = props;
  const { t, formatDateTime } = useI18n();
  const text =
    ended.kind === 'byMe' ? t('liveRoom.ended.byMe')
      : ended.kind === 'expired' ? t('liveRoom.ended.expired', { when: formatDateTime(ended.expiresAt) })
        : t('liveRoom.ended.byPeer', {
          who: ended.by ? t('liveTrust.peer', { name: ended.by.name, organisation: ended.by.organisation }) : t('liveRoom.ended.byUnknown'),
        });
  return <p role="status" className="note" data-testid="live-ended" data-kind={ended.kind}>{text}</p>;
}

function LiveDetails(props: { live: LiveSession; relay: RelayStatus | null; onStop: () => void }) {
  const { live } = props;
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const status = useSyncExternalStore((l) => live.onStatus(l), () => live.status());
  const peers = useSyncExternalStore((l) => live.onPeers(l), () => live.peers() ?? NO_PEERS);
  const rejected = useSyncExternalStore((l) => live.onPeers(l), () => live.rejected());
  const directory = useKeyDirectory();
  const diverged = peers.filter((p) => p.diverged).map((p) => t('liveTrust.peer', { name: p.name, organisation: p.organisation }));
  const link = invitationUrl(window.location.origin, live.invitation);
  const viaRelay = props.relay?.liveViaRelay === true && (status.kind !== 'connected' || status.peers === 0);
  const relayPeers = props.relay?.relayPeers ?? 0;
  const statusText =
    viaRelay ? (relayPeers === 1 ? t('relay.live.one') : t('relay.live.many', { count: String(relayPeers) }))
    : status.kind === 'offline' ? t('live.status.offline')
      : status.kind === 'connecting' ? t('live.status.connecting')
        : status.peers === 1 ? t('words.live.connectedOne') : t('live.status.connected', { count: status.peers });
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
      <p className="live-status" role="status" data-state={viaRelay ? 'relay' : status.kind}>{statusText}</p>
      {rejected.length > 0 && (
        <div role="alert" className="warning" data-testid="live-rejected">
          <ul>
            {rejected.map((r) => (
              <li key={r.peerId}>
                {t(r.code === 'foreignClient' || r.code === 'conflictingClaim' ? `liveTrust.rejected.${r.code}` : `liveGate.rejected.${r.code}`, {
                  who: r.presence ? t('liveTrust.peer', { name: r.presence.name, organisation: r.presence.organisation }) : t('liveTrust.rejected.unknown'),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diverged.length > 0 && (
        <p role="alert" className="warning" data-testid="live-divergence">{t('liveTrust.diverged', { names: diverged.join(', ') })}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-link`}>{t('live.link')}</label>
        <input id={`${id}-link`} className="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        <p className="muted">{t('live.linkHelp')}</p>
        <p className="muted" data-testid="series-link-help">{t('series.linkHelp')}</p>
        <p className="muted" data-testid="live-expiry">
          {live.invitation.expiresAt === null ? t('liveRoom.noExpiry') : t('liveRoom.expiresAt', { when: formatDateTime(live.invitation.expiresAt) })}
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>{t('live.copyLink')}</button>
        <button type="button" onClick={props.onStop} aria-describedby={`${id}-stop-help`}>{t('liveRoom.stop')}</button>
        <span role="status">{copied ? t('live.copied') : ''}</span>
      </div>
      <p className="muted" id={`${id}-stop-help`}>{t('series.stopHelp')}</p>
      <h3>{t('live.here')}</h3>
      {peers.length === 0 ? (
        <p className="muted">{t('live.nobody')}</p>
      ) : (
        <ul className="presence" aria-label={t('live.here')}>
          {peers.map((p) => <PeerItem key={p.clientId} peer={p} directory={directory} />)}
        </ul>
      )}
    </>
  );
}

/** One peer: a proven one with its key confirmed or not; an unproven one only with what it claims, marked so. */
function PeerItem(props: { peer: PeerPresence; directory: KeyDirectory }) {
  const { peer: p, directory } = props;
  const { t } = useI18n();
  return (
    <li style={{ borderColor: p.color }} data-testid="presence-peer" data-proof={p.proof} data-name={p.name} data-organisation={p.organisation}>
      <span aria-hidden="true" style={{ color: p.color }}>●</span>
      {p.proven ? (
        <KeyTrustLabel fingerprint={p.fingerprint} name={p.name} organisation={p.organisation} directory={directory} />
      ) : (
        <span>{t('liveTrust.peer', { name: p.name, organisation: p.organisation })}</span>
      )}{' '}
      <span className="muted presence-proof" title={p.proven ? t('liveTrust.provenTitle', { fingerprint: p.fingerprint }) : t('liveTrust.unprovenTitle')}>
        – {p.proven ? t('liveTrust.proven') : t('liveTrust.unproven')}
      </span>
    </li>
  );
}
