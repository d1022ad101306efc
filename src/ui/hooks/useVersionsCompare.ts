// Showing versions: one version's text as it was, or the changes between two, both read from the document's kept
// history with the core diff (core/versionDiff.ts). Reads only: nothing is written to the document.
import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { checkClaims } from '../../core/clientClaims';
import { bodyFragment } from '../../core/referatDoc';
import { versionAuthors } from '../../core/versionAuthors';
import { DIFF_ORIGIN, diffVersions, snapshotCovered, type DiffAuthors, type ElementDiff, type TextDiff } from '../../core/versionDiff';
import type { ReferatSession } from '../../session/referatSession';
import type { VersionEntry } from './useVersions';

export type VersionNodes = Array<ElementDiff | TextDiff>;

/** A comparison with the current text is redone this long after the text last changed (typing, a peer, an import). */
export const FOLLOW_CURRENT_MS = 800;

const NOBODY: DiffAuthors = { inserter: () => '', deleter: () => '' };

/** The body as it was at `snapshot`: every node and run kept (`same`); null when this copy lacks part of it. */
export function versionContent(doc: Y.Doc, snapshot: Y.Snapshot): VersionNodes | null {
  if (!snapshotCovered(doc, snapshot)) return null;
  return diffVersions(bodyFragment(doc), snapshot, snapshot, NOBODY);
}

/** The changes from `from` to `to`, each credited as the verified claims (`owners`) allow; null when this copy lacks part of either. */
export function versionChanges(doc: Y.Doc, owners: ReadonlyMap<number, string>, from: Y.Snapshot, to: Y.Snapshot): VersionNodes | null {
  if (!snapshotCovered(doc, from) || !snapshotCovered(doc, to)) return null;
  return diffVersions(bodyFragment(doc), from, to, versionAuthors(doc, owners));
}

/** `seq` counts what was shown, so each opening is a new view (it takes the focus). */
export type VersionShown =
  | { kind: 'open'; seq: number; version: VersionEntry; nodes: VersionNodes | null }
  | { kind: 'compare'; seq: number; from: VersionEntry; to: VersionEntry; nodes: VersionNodes | null };

/** The earlier of two versions first; the current text is the latest. */
function inOrder(a: VersionEntry, b: VersionEntry): [VersionEntry, VersionEntry] {
  const time = (v: VersionEntry) => (v.kind === 'current' ? '\uffff' : v.at);
  return time(a) <= time(b) ? [a, b] : [b, a];
}

export interface VersionsView {
  shown: VersionShown | null;
  /** Why the last compare failed, or null. */
  error: string | null;
  open(version: VersionEntry): void;
  compare(a: VersionEntry, b: VersionEntry): Promise<void>;
  close(): void;
}

export function useVersionsCompare(session: ReferatSession): VersionsView {
  const { doc } = session;
  const [shown, setShown] = useState<VersionShown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const snapshotOf = useCallback((v: VersionEntry) => v.snapshot ?? Y.snapshot(doc), [doc]);

  const open = useCallback((version: VersionEntry) => {
    setError(null);
    setShown((was) => ({ kind: 'open', seq: (was?.seq ?? 0) + 1, version, nodes: versionContent(doc, snapshotOf(version)) }));
  }, [doc, snapshotOf]);

  const compare = useCallback(async (a: VersionEntry, b: VersionEntry) => {
    setError(null);
    const [from, to] = inOrder(a, b);
    try {
      // The current text is read when asked, before the claims are checked, so it is the text the user saw.
      const [fromSnap, toSnap] = [snapshotOf(from), snapshotOf(to)];
      const { owners } = await checkClaims(doc);
      const nodes = versionChanges(doc, owners, fromSnap, toSnap);
      setShown((was) => ({ kind: 'compare', seq: (was?.seq ?? 0) + 1, from, to, nodes }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [doc, snapshotOf]);

  // A comparison with the current text follows it, in place (no new view, so the focus stays where it is).
  const following = shown?.kind === 'compare' && shown.to.kind === 'current' ? shown : null;
  useEffect(() => {
    if (!following) return;
    const body = bodyFragment(doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const redo = async () => {
      timer = null;
      const { owners } = await checkClaims(doc);
      if (stopped) return;
      const nodes = versionChanges(doc, owners, snapshotOf(following.from), Y.snapshot(doc));
      setShown((was) => (was === following ? { ...following, nodes } : was));
    };
    const changed = (_events: unknown, tr: Y.Transaction) => {
      if (tr.origin === DIFF_ORIGIN) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void redo(), FOLLOW_CURRENT_MS);
    };
    body.observeDeep(changed);
    return () => {
      stopped = true;
      body.unobserveDeep(changed);
      if (timer !== null) clearTimeout(timer);
    };
  }, [following, doc, snapshotOf]);

  return { shown, error, open, compare, close: useCallback(() => setShown(null), []) };
}
