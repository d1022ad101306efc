// "Gendan denne version" and "Fortryd gendannelse": a restore is one new edit (core/restoreVersion.ts); the state just
// before it is kept as a snapshot, so undoing is restoring that state in turn. Nothing of the history is lost.
import { useCallback, useState } from 'react';
import * as Y from 'yjs';
import { bodyFragment } from '../../core/referatDoc';
import { restoreVersion } from '../../core/restoreVersion';
import { snapshotCovered } from '../../core/versionDiff';
import type { ReferatSession } from '../../session/referatSession';

export interface RestoreState {
  /** The restore that can be undone: the version's name and the state before it; null when there is none. */
  last: { label: string; before: Y.Snapshot } | null;
  restore(snapshot: Y.Snapshot, label: string): void;
  undo(): void;
}

export function useVersionsRestore(session: ReferatSession): RestoreState {
  const { doc } = session;
  const [last, setLast] = useState<RestoreState['last']>(null);

  const restore = useCallback((snapshot: Y.Snapshot, label: string) => {
    if (!snapshotCovered(doc, snapshot)) throw new RangeError('This copy does not hold the whole version');
    const before = Y.snapshot(doc);
    restoreVersion(bodyFragment(doc), snapshot);
    setLast({ label, before });
  }, [doc]);

  const undo = useCallback(() => {
    if (!last) return;
    restoreVersion(bodyFragment(doc), last.before);
    setLast(null);
  }, [doc, last]);

  return { last, restore, undo };
}
