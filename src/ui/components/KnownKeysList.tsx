// The keys confirmed on this device, with how and when, revoked or not, each revocable after a confirmation.
import { useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { KeyDirectory, KnownKey } from '../../core/knownKey';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { FingerprintText } from './FingerprintText';

export function KnownKeysList(props: { directory: KeyDirectory }) {
  const { db } = useApp();
  const { t, formatDate, formatDateTime } = useI18n();
  const { directory } = props;
  const [revoking, setRevoking] = useState<KnownKey | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = directory.all().toSorted((a, b) => Number(b.confirmedBy === 'own') - Number(a.confirmedBy === 'own') || a.organisation.localeCompare(b.organisation, 'da') || a.name.localeCompare(b.name, 'da'));
  const when = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatDateTime(Date.parse(iso)));
  const adminName = (fp: string | undefined) => {
    const admin = fp ? directory.all().find((k) => k.fingerprint === fp) : undefined;
    return admin ? `${admin.name}, ${admin.organisation}` : (fp ?? '');
  };

  const how = (k: KnownKey) => {
    if (k.confirmedBy === 'own') return t('knownKeys.how.own');
    if (k.confirmedBy === 'keyList') return t('knownKeys.how.keyList', { when: when(k.confirmedAt), admin: adminName(k.via) });
    return t(`knownKeys.how.${k.confirmedBy}`, { when: when(k.confirmedAt) });
  };
  const state = (k: KnownKey) => {
    if (k.revokedAt) return t('knownKeys.state.revoked', { when: when(k.revokedAt) });
    if (!directory.confirmed(k.fingerprint)) return t('knownKeys.state.outsideValidity');
    return t('knownKeys.state.active');
  };

  async function revoke(k: KnownKey) {
    setRevoking(null);
    setError(null);
    try {
      const { revokeKey } = await import('../../session/knownKeys');
      await revokeKey(db, k.fingerprint);
      setStatus(t('knownKeys.revoked', { name: k.name }));
    } catch (e) {
      setError(t('knownKeys.error.failed', { detail: errorMessage(e) }));
    }
  }

  return (
    <div className="stack">
      <table className="known-keys" data-testid="known-keys">
        <caption className="visually-hidden">{t('knownKeys.listLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knownKeys.col.person')}</th>
            <th scope="col">{t('knownKeys.col.fingerprint')}</th>
            <th scope="col">{t('knownKeys.col.how')}</th>
            <th scope="col">{t('knownKeys.col.state')}</th>
            <th scope="col">{t('knownKeys.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.fingerprint} data-testid="known-key" data-fingerprint={k.fingerprint} data-state={k.revokedAt ? 'revoked' : directory.confirmed(k.fingerprint) ? 'confirmed' : 'outside'}>
              <th scope="row">
                {k.name}, {k.organisation}
                <br />
                <span className="muted">{t(`profile.kind.${k.organisationKind}`)}</span>
              </th>
              <td data-label={t('knownKeys.col.fingerprint')}><FingerprintText fingerprint={k.fingerprint} /></td>
              <td data-label={t('knownKeys.col.how')}>
                {how(k)}
                {(k.validFrom || k.validTo) && (
                  <>
                    <br />
                    <span className="muted">
                      {t('knownKeys.validity', { from: k.validFrom ? formatDate(k.validFrom) : t('knownKeys.openEnd'), to: k.validTo ? formatDate(k.validTo) : t('knownKeys.openEnd') })}
                    </span>
                  </>
                )}
              </td>
              <td data-label={t('knownKeys.col.state')} data-testid="known-key-state">{state(k)}</td>
              <td>
                {k.confirmedBy !== 'own' && !k.revokedAt && (
                  <button type="button" aria-label={t('knownKeys.revokeLabel', { name: k.name })} onClick={() => setRevoking(k)}>
                    {t('knownKeys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.every((k) => k.confirmedBy === 'own') && <p className="muted">{t('knownKeys.none')}</p>}
      <p role="status" data-testid="known-keys-status">{status}</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      {revoking && (
        <ConfirmDialog
          title={t('knownKeys.revokeTitle')}
          confirmLabel={t('knownKeys.revokeConfirm')}
          cancelLabel={t('knownKeys.cancel')}
          onCancel={() => setRevoking(null)}
          onConfirm={() => void revoke(revoking)}
        >
          <p>{t('knownKeys.revokeBody', { name: revoking.name, organisation: revoking.organisation, fingerprint: revoking.fingerprint })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
