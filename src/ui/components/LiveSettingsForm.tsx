// Settings for live sessions: signalling servers and ICE (STUN/TURN) servers, one URL per line, validated.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { defaultLiveSettings, isIceServerUrl, isSignallingUrl, loadLiveSettings, saveLiveSettings } from '../../session/liveSettings';
import { useApp } from '../hooks/AppContext';
import { blockedByPolicy } from '../hooks/blockedByPolicy';
import { useI18n } from '../i18n/I18nContext';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function LiveSettingsForm() {
  const { db } = useApp();
  const { t } = useI18n();
  const id = useId();
  const [signalling, setSignalling] = useState<string | null>(null);
  const [ice, setIce] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [blocked, setBlocked] = useState<string[]>([]);

  useEffect(() => {
    void loadLiveSettings(db, window.location).then((s) => {
      setSignalling(s.signallingUrls.join('\n'));
      setIce(s.iceServers.flatMap((x) => (Array.isArray(x.urls) ? x.urls : [x.urls])).join('\n'));
    });
  }, [db]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const urls = lines(signalling ?? '');
    const iceUrls = lines(ice);
    const badSignal = urls.find((u) => !isSignallingUrl(u));
    const badIce = iceUrls.find((u) => !isIceServerUrl(u));
    if (urls.length === 0 || badSignal !== undefined) return setError(t('settings.live.badSignalling', { url: badSignal ?? '' }));
    if (badIce !== undefined) return setError(t('settings.live.badIce', { url: badIce }));
    setError(null);
    await saveLiveSettings(db, { signallingUrls: urls, iceServers: iceUrls.map((u) => ({ urls: u })) });
    setSaved(true);
    // Saved all the same (the server's policy may be about to change), but the user learns it cannot work here now.
    setBlocked(await blockedByPolicy(urls));
  };

  if (signalling === null) return null;
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-sig`}>{t('settings.live.signalling')}</label>
        <textarea id={`${id}-sig`} rows={2} value={signalling} aria-describedby={`${id}-sig-help`} onChange={(e) => setSignalling(e.target.value)} />
        <p id={`${id}-sig-help`} className="muted">{t('settings.live.signallingHelp', { example: defaultLiveSettings(window.location).signallingUrls[0] ?? '' })}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ice`}>{t('settings.live.ice')}</label>
        <textarea id={`${id}-ice`} rows={2} value={ice} aria-describedby={`${id}-ice-help`} onChange={(e) => setIce(e.target.value)} />
        <p id={`${id}-ice-help`} className="muted">{t('settings.live.iceHelp')}</p>
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      {blocked.length > 0 && (
        <p role="alert" className="warning" data-testid="signalling-blocked">{t('settings.live.blockedByPolicy', { urls: blocked.join(', ') })}</p>
      )}
      <div className="actions">
        <button type="submit">{t('settings.live.save')}</button>
        <span role="status">{saved ? t('settings.live.saved') : ''}</span>
      </div>
    </form>
  );
}
