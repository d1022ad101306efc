// "Bekræft en nøgle": the fingerprint as read aloud or shown, who it belongs to, and how it was compared.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { fingerprintReadAloud, parseFingerprint } from '../../core/fingerprintReadAloud';
import { otherKeysFor, type KeyDirectory } from '../../core/knownKey';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../core/profile';
import { confirmationProblems, confirmKey, KnownKeyError, type KnownKeyProblem } from '../../session/knownKeys';
import { useApp } from '../hooks/AppContext';
import { useOwnFingerprint } from '../hooks/useKeyDirectory';
import { useI18n } from '../i18n/I18nContext';

type How = 'inPerson' | 'phone';

export function ConfirmKeyForm(props: { directory: KeyDirectory }) {
  const { db } = useApp();
  const { t } = useI18n();
  const id = useId();
  const own = useOwnFingerprint();
  const [fingerprintInput, setFingerprintInput] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [how, setHow] = useState<How | ''>('');
  const [problems, setProblems] = useState<KnownKeyProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const fingerprint = parseFingerprint(fingerprintInput);
  const others = fingerprint && name.trim() && organisation.trim() ? otherKeysFor(props.directory, name, organisation, fingerprint) : [];
  const existing = fingerprint ? props.directory.all().find((k) => k.fingerprint === fingerprint && k.confirmedBy !== 'own') : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setFailure(null);
    const input = { fingerprint: fingerprint ?? '', name, organisation, organisationKind: kind as OrganisationKind, confirmedBy: how as How };
    const found = confirmationProblems(input);
    if (fingerprint && fingerprint === own) found.push('own');
    setProblems(found);
    if (found.length > 0) return;
    try {
      const key = await confirmKey(db, input);
      setDone(t('knownKeys.confirm.done', { name: key.name, organisation: key.organisation }));
      setFingerprintInput('');
      setName('');
      setOrganisation('');
      setKind('');
      setHow('');
    } catch (err) {
      if (err instanceof KnownKeyError) setProblems([err.code]);
      else setFailure(t('knownKeys.error.failed', { detail: errorMessage(err) }));
    }
  }

  const fpProblem = problems.find((p) => p === 'fingerprint' || p === 'own');
  const err = (p: KnownKeyProblem) => problems.includes(p);
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="confirm-key-form">
      <h3 id={`${id}-title`}>{t('knownKeys.confirm.title')}</h3>
      <p>{t('knownKeys.confirm.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-fp`}>{t('knownKeys.confirm.fingerprint')}</label>
        <input
          id={`${id}-fp`}
          value={fingerprintInput}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          className="fingerprint"
          aria-invalid={fpProblem ? true : undefined}
          aria-describedby={`${id}-fp-hint${fpProblem ? ` ${id}-fp-err` : ''}`}
          onChange={(e) => setFingerprintInput(e.target.value)}
        />
        <p id={`${id}-fp-hint`} className="muted hint">
          {fingerprint ? t('knownKeys.confirm.compare', { groups: fingerprint, readAloud: fingerprintReadAloud(fingerprint) }) : t('knownKeys.confirm.fingerprintHint')}
        </p>
        {fpProblem && <p id={`${id}-fp-err`} className="field-error">{t(`knownKeys.error.${fpProblem}`)}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('knownKeys.confirm.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          autoComplete="off"
          aria-invalid={err('nameMissing') || err('tooLong') ? true : undefined}
          aria-describedby={err('nameMissing') ? `${id}-name-err` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {err('nameMissing') && <p id={`${id}-name-err`} className="field-error">{t('knownKeys.error.nameMissing')}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('knownKeys.confirm.organisation')}</label>
        <input
          id={`${id}-org`}
          value={organisation}
          maxLength={200}
          autoComplete="off"
          aria-invalid={err('organisationMissing') || err('tooLong') ? true : undefined}
          aria-describedby={err('organisationMissing') ? `${id}-org-err` : undefined}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        {err('organisationMissing') && <p id={`${id}-org-err`} className="field-error">{t('knownKeys.error.organisationMissing')}</p>}
      </div>
      {err('tooLong') && <p className="field-error">{t('knownKeys.error.tooLong')}</p>}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('knownKeys.confirm.kind')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          aria-invalid={err('kind') ? true : undefined}
          aria-describedby={err('kind') ? `${id}-kind-err` : undefined}
          onChange={(e) => setKind(e.target.value as OrganisationKind | '')}
        >
          <option value="">{t('knownKeys.confirm.kindChoose')}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>{t(`profile.kind.${k}`)}</option>
          ))}
        </select>
        {err('kind') && <p id={`${id}-kind-err`} className="field-error">{t('knownKeys.error.kind')}</p>}
      </div>
      <fieldset className="field" aria-describedby={err('confirmedBy') ? `${id}-how-err` : undefined}>
        <legend>{t('knownKeys.confirm.how')}</legend>
        {(['inPerson', 'phone'] as const).map((h) => (
          <label key={h} className="radio">
            <input type="radio" name={`${id}-how`} value={h} checked={how === h} onChange={() => setHow(h)} />
            {t(`knownKeys.confirm.how.${h}`)}
          </label>
        ))}
        {err('confirmedBy') && <p id={`${id}-how-err`} className="field-error">{t('knownKeys.error.confirmedBy')}</p>}
      </fieldset>
      <div role="status" aria-live="polite">
        {others.length > 0 && (
          <p className="warning" data-testid="confirm-key-other">{t('keyTrust.otherKey', { name: others[0]!.name, organisation: others[0]!.organisation })}</p>
        )}
        {existing && <p className="muted">{t('knownKeys.confirm.replaces')}</p>}
      </div>
      <div className="actions">
        <button type="submit" className="primary">{t('knownKeys.confirm.submit')}</button>
      </div>
      <div role="status" aria-live="polite" data-testid="confirm-key-status">{done && <p className="notice">{done}</p>}</div>
      {failure && <p role="alert" className="field-error">{failure}</p>}
    </form>
  );
}
