// "What changed since you last looked" on the referat page: the summary (UnseenChangesBanner) and, on request, exactly
// those changes marked by author (VersionCompare, from what was last seen to the text now).
import { useState } from 'react';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { useApp } from '../hooks/AppContext';
import { useUnseenChanges } from '../hooks/useUnseenChanges';
import { useI18n } from '../i18n/I18nContext';
import { ChangesSince } from './ChangesSince';
import { UnseenChangesBanner } from './UnseenChangesBanner';

export function UnseenChanges(props: { session: ReferatSession; own: string | null | undefined; trust: TrustState | null }) {
  const { session } = props;
  const { db } = useApp();
  const { t, formatDateTime } = useI18n();
  const { unseen, markSeen } = useUnseenChanges(db, session, props.own);
  const [showing, setShowing] = useState(false);
  if (!unseen || (unseen.kind !== 'changed' && unseen.kind !== 'notComparable')) return null;

  return (
    <>
      <UnseenChangesBanner unseen={unseen} showing={showing} onToggle={() => setShowing((s) => !s)} onMarkSeen={() => { setShowing(false); void markSeen(); }} />
      {showing && unseen.kind === 'changed' && (
        <ChangesSince
          session={session}
          trust={props.trust}
          since={unseen.since}
          sinceName={t('unseen.lastSeen', { when: formatDateTime(unseen.seenAt) })}
          onClose={() => setShowing(false)}
        />
      )}
    </>
  );
}
