// A person's local profile: who they are and which kind of organisation they speak for.
export type OrganisationKind = 'kommune' | 'leverandoer' | 'andet';
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['kommune', 'leverandoer', 'andet'];

/** A stored organisation kind, or 'andet' for anything unknown. */
export function organisationKindOf(value: string): OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value) ? (value as OrganisationKind) : 'andet';
}

export interface Profile {
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
}

export const MAX_PROFILE_FIELD = 200;

/** Returns the reasons a profile is not usable; an empty list means it is valid. */
export function profileProblems(p: Profile): Array<'nameMissing' | 'organisationMissing' | 'tooLong' | 'kind'> {
  const problems: Array<'nameMissing' | 'organisationMissing' | 'tooLong' | 'kind'> = [];
  if (p.name.trim() === '') problems.push('nameMissing');
  if (p.organisation.trim() === '') problems.push('organisationMissing');
  if (p.name.length > MAX_PROFILE_FIELD || p.organisation.length > MAX_PROFILE_FIELD) problems.push('tooLong');
  if (!ORGANISATION_KINDS.includes(p.organisationKind)) problems.push('kind');
  return problems;
}

export function isProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    typeof v.organisation === 'string' &&
    typeof v.organisationKind === 'string' &&
    profileProblems(v as unknown as Profile).length === 0
  );
}
