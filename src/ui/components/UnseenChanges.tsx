// "What changed since you last looked" on the referat page: the summary (UnseenChangesBanner) and, on request, exactly
// those changes marked by author (VersionCompare, from what was last seen to the text now).
import { useState } from 'react';
import * as Y from 'yjs';
import { checkClaims } from '../../core/clientClaims';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from '../hooks/AppContext';
import { useUnseenChanges } from '../hooks/useUnseenChanges';
import { CREATED, type VersionEntry } from '../hooks/useVersions';
import { useVersionsAuthors } from '../hooks/useVersionsAuthors';
import { versionChanges, type VersionNodes } from '../hooks/useVersionsCompare';
import { useI18n } from '../i18n/I18nContext';
import { UnseenChangesBanner } from './UnseenChangesBanner';
import { VersionCompare } from './VersionCompare';

export function UnseenChanges(props: { session: ReferatSession; own: string | null | undefined; trust: TrustState | null }) {
  const { session } = props;
  const { db } = useApp();
  const { t, formatDateTime } = useI18n();
  const { unseen, markSeen } = useUnseenChanges(db, session, props.own);
  const authors = useVersionsAuthors(session, props.trust);
  const [shown, setShown] = useState<{ from: VersionEntry; to: VersionEntry; nodes: VersionNodes | null } | null>(null);
  if (!unseen || (unseen.kind !== 'changed' && unseen.kind !== 'notComparable')) return null;

  const toggle = async () => {
    if (shown || unseen.kind !== 'changed') return setShown(null);
    const now = Y.snapshot(session.doc);
    const { owners } = await checkClaims(session.doc);
    const from: VersionEntry = { ...CREATED, key: 'seen', kind: 'seen', at: new Date(unseen.seenAt).toISOString(), snapshot: unseen.since };
    const to: VersionEntry = { ...CREATED, key: 'current', kind: 'current', snapshot: now };
    setShown({ from, to, nodes: versionChanges(session.doc, owners, unseen.since, now) });
  };
  const versionName = (v: VersionEntry) => (v.kind === 'seen' ? t('unseen.lastSeen', { when: formatDateTime(Date.parse(v.at)) }) : t('versions.current'));

  return (
    <>
      <UnseenChangesBanner unseen={unseen} showing={shown !== null} onToggle={() => void toggle()} onMarkSeen={() => { setShown(null); void markSeen(); }} />
      {shown && <VersionCompare from={shown.from} to={shown.to} nodes={shown.nodes} authors={authors} versionName={versionName} onClose={() => setShown(null)} />}
    </>
  );
}
