// A signer or peer as this device knows it: the confirmed name and organisation, or the claimed ones marked unconfirmed.
import { otherKeysFor, type KeyDirectory } from '../../core/knownKey';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useI18n } from '../i18n/I18nContext';

export interface KeyTrustLabelProps {
  fingerprint: string;
  /** The name and organisation the key's holder claims (a profile, a file, a presence). */
  name: string;
  organisation: string;
  /** The directory to read; by default this device's live one. Pass it when many labels are shown at once. */
  directory?: KeyDirectory;
  /** The time the key must be valid at (a key-list key has a validity); default now. */
  at?: Date;
}

export function KeyTrustLabel(props: KeyTrustLabelProps) {
  return props.directory ? <KeyTrustLabelView {...props} directory={props.directory} /> : <LiveKeyTrustLabel {...props} />;
}

function LiveKeyTrustLabel(props: KeyTrustLabelProps) {
  const directory = useKeyDirectory();
  return <KeyTrustLabelView {...props} directory={directory} />;
}

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

function KeyTrustLabelView(props: KeyTrustLabelProps & { directory: KeyDirectory }) {
  const { t } = useI18n();
  const { fingerprint, name, organisation, directory, at } = props;
  /** "Name, Organisation", either alone when the other is empty, or the fingerprint when both are. */
  const who = (n: string, o: string) => (n.trim() && o.trim() ? t('keyTrust.nameOrganisation', { name: n, organisation: o }) : n.trim() || o.trim() || fingerprint);
  const known = directory.confirmed(fingerprint, at);
  if (known) {
    const claimedOther = !same(known.name, name) || !same(known.organisation, organisation);
    return (
      <span className="key-trust" data-testid="key-trust" data-trust="confirmed" data-fingerprint={fingerprint}>
        <span title={t('keyTrust.confirmedTitle', { name: known.name, organisation: known.organisation })}>
          {who(known.name, known.organisation)}
        </span>{' '}
        <strong className="key-trust-state">({known.confirmedBy === 'own' ? t('keyTrust.own') : t('keyTrust.confirmed')})</strong>
        {claimedOther && (name.trim() || organisation.trim()) && <span className="muted"> {t('keyTrust.claims', { who: who(name, organisation) })}</span>}
      </span>
    );
  }
  const others = !name.trim() || !organisation.trim() ? [] : otherKeysFor(directory, name, organisation, fingerprint).filter((k) => directory.confirmed(k.fingerprint, at));
  return (
    <span className="key-trust" data-testid="key-trust" data-trust="unconfirmed" data-fingerprint={fingerprint}>
      <span title={t('keyTrust.unconfirmedTitle')}>{who(name, organisation)}</span>{' '}
      <strong className="key-trust-state">({t('keyTrust.unconfirmed')})</strong>
      {others.length > 0 && (
        <span className="key-trust-other" data-testid="key-trust-other">
          {' '}
          {t('keyTrust.otherKey', { name: others[0]!.name, organisation: others[0]!.organisation })}
        </span>
      )}
    </span>
  );
}
