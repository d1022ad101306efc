// Who an author key of a version diff (core/versionAuthors.ts) is, in words: the name and organisation this device
// can give the key (its directory of confirmed keys, else what the referat's participants and signed entries say),
// whether a verified claim backs it, and the organisation's colour.
import { useMemo } from 'react';
import { readNamedVersions } from '../../core/namedVersions';
import { readParticipants } from '../../core/participants';
import { organisationColor } from '../../core/presence';
import type { TrustState } from '../../core/trustState';
import { parseAuthorKey } from '../../core/versionAuthors';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from './AppContext';
import { useKeyDirectory, useOwnFingerprint } from './useKeyDirectory';
import { useI18n } from '../i18n/I18nContext';

export interface VersionAuthor {
  key: string;
  /** verified: a signed claim binds the writing to this key; unverified: only the `users` map says so; unknown: nobody. */
  state: 'verified' | 'unverified' | 'unknown' | 'template';
  /** '' when no name is known for the key. */
  name: string;
  organisation: string;
  fingerprint: string | null;
  /** The organisation's colour (AA contrast on white); a neutral grey for unknown authors. */
  color: string;
}

/** The colour of an author whose organisation is not known. */
export const UNKNOWN_AUTHOR_COLOR = '#4d4d4d';

export interface VersionsAuthors {
  author(key: string): VersionAuthor;
  /** The author in words: "Mette Holm, Aarhus Kommune", "… (ikke bekræftet)" or "ukendt". */
  who(key: string): string;
}

/** Resolves author keys; the functions stay the same while what they answer does (so a long diff is not re-rendered). */
export function useVersionsAuthors(session: ReferatSession, trust: TrustState | null): VersionsAuthors {
  const { profile } = useApp();
  const { t } = useI18n();
  const directory = useKeyDirectory();
  const own = useOwnFingerprint();
  // What the referat says of each key, the most trustworthy source last so it wins: participants, then signed
  // entries, then this device's own profile. Read at each render (a few entries), compared as text.
  const said = new Map<string, { name: string; organisation: string }>();
  for (const p of readParticipants(session.doc)) if (p.fingerprint) said.set(p.fingerprint, { name: p.name, organisation: p.organisation });
  for (const v of readNamedVersions(session.doc)) said.set(v.fingerprint, { name: v.name, organisation: v.organisation });
  for (const a of trust?.approvals ?? []) if (a.valid) said.set(a.fingerprint, { name: a.name, organisation: a.organisation });
  if (own) said.set(own, { name: profile.name, organisation: profile.organisation });
  const saidText = JSON.stringify([...said]);

  return useMemo(() => {
    const names = new Map<string, { name: string; organisation: string }>(JSON.parse(saidText) as Array<[string, { name: string; organisation: string }]>);
    const author = (key: string): VersionAuthor => {
      const { fingerprint, verified, template } = parseAuthorKey(key);
      if (template) return { key, state: 'template', name: '', organisation: '', fingerprint, color: UNKNOWN_AUTHOR_COLOR };
      if (fingerprint === null) return { key, state: 'unknown', name: '', organisation: '', fingerprint, color: UNKNOWN_AUTHOR_COLOR };
      const known = directory.confirmed(fingerprint);
      const who = known ? { name: known.name, organisation: known.organisation } : (names.get(fingerprint) ?? { name: '', organisation: '' });
      const color = who.organisation.trim() ? organisationColor(who.organisation) : UNKNOWN_AUTHOR_COLOR;
      return { key, state: verified ? 'verified' : 'unverified', ...who, fingerprint, color };
    };
    const who = (key: string) => {
      const a = author(key);
      if (a.state === 'unknown') return t('versions.unknown');
      if (a.state === 'template') return t('versions.template');
      const named = a.name.trim() && a.organisation.trim()
        ? t('versions.who', { name: a.name, organisation: a.organisation })
        : a.name.trim() || a.organisation.trim() || t('versions.unnamedKey', { fingerprint: a.fingerprint ?? '' });
      return a.state === 'verified' ? named : t('versions.unverified', { who: named });
    };
    return { author, who };
  }, [saidText, directory, t]);
}
