// The versions of an open referat, newest first: the current text, the named versions and each approval (whose entry
// holds a snapshot of what was approved), each marked valid or not and whether this copy holds all of it.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { base64ToBytes } from '../../core/base64';
import { knownValidVersionIds, readNamedVersions, verifiedNamedVersions, versionsArray, type NamedVersion } from '../../core/namedVersions';
import type { TrustState } from '../../core/trustState';
import { snapshotCovered } from '../../core/versionDiff';
import type { ReferatSession } from '../../session/referatSession';
import { autoVersionList, type AutoVersion } from '../../session/autoVersionList';
import { useApp } from './AppContext';
import { useYValue } from './useYValue';

export interface VersionEntry {
  /** Unique in the list: `current`, `created`, `named:<id>`, `approval:<id>:<index>` or `auto:<id>`. */
  key: string;
  /** `created` is the empty referat (for "who wrote what"); `auto` is made on this device only; `seen` is what its reader last saw here. */
  kind: 'current' | 'created' | 'named' | 'approval' | 'auto' | 'seen';
  /** The name a named version was given; for an automatic version why it was made (pause, import, live); '' for the others. */
  label: string;
  /** Who made it (the signer's profile as the entry says); '' for the current text. */
  name: string;
  organisation: string;
  fingerprint: string;
  /** ISO 8601 time it was made; '' for the current text. */
  at: string;
  /** The Yjs snapshot; null for the current text (taken when it is shown). */
  snapshot: Y.Snapshot | null;
  /** Its signature verifies and it belongs to this referat; null while that is being checked. */
  valid: boolean | null;
  /** This copy holds everything the snapshot refers to (a partial copy may not). */
  covered: boolean;
}

function decodeSnapshot(base64: string | null): Y.Snapshot | null {
  const bytes = base64 === null ? null : base64ToBytes(base64);
  if (bytes === null) return null;
  try {
    return Y.decodeSnapshot(bytes);
  } catch {
    return null;
  }
}

const sameIds = (a: readonly NamedVersion[], b: readonly NamedVersion[]) => a.length === b.length && a.every((v, i) => v.id === b[i]?.id);

const CURRENT: Omit<VersionEntry, 'covered'> = { key: 'current', kind: 'current', label: '', name: '', organisation: '', fingerprint: '', at: '', snapshot: null, valid: true };

/** The referat before anything was written in it: comparing with it shows who wrote what. */
export const CREATED: VersionEntry = { key: 'created', kind: 'created', label: '', name: '', organisation: '', fingerprint: '', at: '', snapshot: Y.emptySnapshot, valid: true, covered: true };

/** `trust` is the page's trust check (useTrustState): its approvals are already verified. */
export function useVersions(session: ReferatSession, trust: TrustState | null): VersionEntry[] {
  const { doc } = session;
  const { db } = useApp();
  // Automatic versions live on this device; read when the referat opens and again when the document changes a while.
  const [autos, setAutos] = useState<AutoVersion[]>([]);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => void autoVersionList(db, session.id).then((list) => { if (!cancelled) setAutos(list); }, () => undefined);
    load();
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 5000);
    };
    doc.on('update', onUpdate);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [db, doc, session.id]);
  // The entries are re-read when the array changes; an entry (a signed map) never changes in place.
  const named = useYValue(versionsArray(doc), () => readNamedVersions(doc), sameIds);
  const listed = named.map((v) => v.id).join();
  const [verified, setVerified] = useState<{ listed: string; ids: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void verifiedNamedVersions(doc).then(
      (valid) => { if (!cancelled) setVerified({ listed, ids: new Set(valid.map((v) => v.id)) }); },
      () => { if (!cancelled) setVerified({ listed, ids: new Set() }); },
    );
    return () => { cancelled = true; };
  }, [doc, listed]);
  const [, setArrivals] = useState(0);
  // Verdicts already on this device show at once, in the same paint as the list, without waiting for the check.
  const ids = verified?.listed === listed ? verified.ids : knownValidVersionIds(doc, named);
  const out: VersionEntry[] = named.map((v) => ({
    key: `named:${v.id}`,
    kind: 'named',
    label: v.label,
    name: v.name,
    organisation: v.organisation,
    fingerprint: v.fingerprint,
    at: v.createdAt,
    snapshot: v.snapshot,
    valid: ids === null ? null : ids.has(v.id),
    covered: snapshotCovered(doc, v.snapshot),
  }));
  (trust?.approvals ?? []).forEach((a, i) => {
    const snapshot = decodeSnapshot(a.snapshot);
    // A version-1 approval holds no snapshot: it names no text that could be shown.
    if (snapshot === null) return;
    out.push({
      key: `approval:${a.id}:${i}`,
      kind: 'approval',
      label: '',
      name: a.name,
      organisation: a.organisation,
      fingerprint: a.fingerprint,
      at: a.approvedAt,
      snapshot,
      valid: a.valid,
      covered: snapshotCovered(doc, snapshot),
    });
  });
  for (const a of autos) {
    out.push({
      key: `auto:${a.id}`,
      kind: 'auto',
      label: a.reason,
      name: '',
      organisation: '',
      fingerprint: '',
      at: new Date(a.at).toISOString(),
      snapshot: a.snapshot,
      valid: true,
      covered: snapshotCovered(doc, a.snapshot),
    });
  }
  // While a version is not covered, only what arrives from elsewhere (an import, another tab, a live peer) can change
  // that: each arrival re-renders, and coverage is read again (above, at each render).
  const uncovered = out.some((v) => !v.covered);
  useEffect(() => {
    if (!uncovered) return;
    const onTransaction = (tr: Y.Transaction) => { if (!tr.local) setArrivals((n) => n + 1); };
    doc.on('afterTransaction', onTransaction);
    return () => doc.off('afterTransaction', onTransaction);
  }, [doc, uncovered]);
  const older = out.toSorted((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return [{ ...CURRENT, covered: true }, ...older];
}
