// The profile form, used on first start and in settings: name, organisation and its kind.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { ORGANISATION_KINDS, profileProblems, type OrganisationKind, type Profile } from '../../core/profile';
import { useI18n } from '../i18n/I18nContext';

export function ProfileForm(props: { initial: Profile | null; onSave: (p: Profile) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [organisation, setOrganisation] = useState(props.initial?.organisation ?? '');
  const [kind, setKind] = useState<OrganisationKind>(props.initial?.organisationKind ?? 'kommune');
  const [problems, setProblems] = useState<ReturnType<typeof profileProblems>>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const profile: Profile = { name: name.trim(), organisation: organisation.trim(), organisationKind: kind };
    const found = profileProblems(profile);
    setProblems(found);
    setSaved(false);
    if (found.length > 0) return;
    try {
      await props.onSave(profile);
      setError(null);
      setSaved(true);
    } catch (err) {
      setError(t('error.generic', { message: errorMessage(err) }));
    }
  };

  const nameError = problems.includes('nameMissing') ? t('profile.error.nameMissing') : null;
  const orgError = problems.includes('organisationMissing') ? t('profile.error.organisationMissing') : null;
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('profile.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          autoComplete="name"
          maxLength={200}
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-err` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {nameError && <p id={`${id}-name-err`} className="field-error">{nameError}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('profile.organisation')}</label>
        <input
          id={`${id}-org`}
          value={organisation}
          autoComplete="organization"
          maxLength={200}
          required
          aria-invalid={orgError ? true : undefined}
          aria-describedby={orgError ? `${id}-org-err` : undefined}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        {orgError && <p id={`${id}-org-err`} className="field-error">{orgError}</p>}
      </div>
      <fieldset className="field">
        <legend>{t('profile.kind')}</legend>
        {ORGANISATION_KINDS.map((k) => (
          <label key={k} className="radio">
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`profile.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {problems.includes('tooLong') && <p className="field-error">{t('profile.error.tooLong')}</p>}
      <div className="actions">
        <button type="submit" className="primary">{t('profile.save')}</button>
      </div>
      <div role="status" aria-live="polite">{saved && <p className="notice">{t('profile.saved')}</p>}</div>
      {error && <p role="alert" className="field-error">{error}</p>}
    </form>
  );
}
