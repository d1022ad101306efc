// The changes from an earlier state of a referat (what the reader last saw, what an approval covered) to the text now,
// marked by author: the compare view of the Versioner panel, computed when shown.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { checkClaims } from '../../core/clientClaims';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { CREATED, type VersionEntry } from '../hooks/useVersions';
import { useVersionsAuthors } from '../hooks/useVersionsAuthors';
import { versionChanges, type VersionNodes } from '../hooks/useVersionsCompare';
import { useI18n } from '../i18n/I18nContext';
import { VersionCompare } from './VersionCompare';

export function ChangesSince(props: { session: ReferatSession; trust: TrustState | null; since: Y.Snapshot; sinceName: string; onClose: () => void }) {
  const { session, since, sinceName } = props;
  const { t } = useI18n();
  const authors = useVersionsAuthors(session, props.trust);
  const [shown, setShown] = useState<{ nodes: VersionNodes | null; now: Y.Snapshot } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const now = Y.snapshot(session.doc);
    void checkClaims(session.doc).then(({ owners }) => {
      if (!cancelled) setShown({ now, nodes: versionChanges(session.doc, owners, since, now) });
    });
    return () => {
      cancelled = true;
    };
  }, [session, since]);
  if (!shown) return null;
  const from: VersionEntry = { ...CREATED, key: 'since', kind: 'seen', snapshot: since };
  const to: VersionEntry = { ...CREATED, key: 'current', kind: 'current', snapshot: shown.now };
  const versionName = (v: VersionEntry) => (v.key === 'since' ? sinceName : t('versions.current'));
  return <VersionCompare from={from} to={to} nodes={shown.nodes} authors={authors} versionName={versionName} onClose={props.onClose} />;
}
