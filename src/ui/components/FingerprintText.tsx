// A fingerprint shown for comparing: its groups of four, and the read-aloud numbers (five digits per group).
import { fingerprintReadAloud } from '../../core/fingerprintReadAloud';
import { FINGERPRINT_PATTERN } from '../../core/fingerprint';
import { useI18n } from '../i18n/I18nContext';

export function FingerprintText(props: { fingerprint: string; testId?: string }) {
  const { t } = useI18n();
  const { fingerprint } = props;
  const readAloud = FINGERPRINT_PATTERN.test(fingerprint) ? fingerprintReadAloud(fingerprint) : null;
  return (
    <span className="fingerprint-text">
      <span className="fingerprint" data-testid={props.testId}>{fingerprint}</span>
      {readAloud && (
        <>
          <br />
          <span className="muted">{t('fingerprint.readAloud')}: </span>
          <span className="fingerprint" data-testid={props.testId ? `${props.testId}-read-aloud` : undefined}>{readAloud}</span>
        </>
      )}
    </span>
  );
}
