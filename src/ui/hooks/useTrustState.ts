// The open referat's trust state on this device (core/checkTrust.ts): re-checked shortly after each document change
// and whenever the key directory changes. checkTrust reads the document's claims and reopenings ("Genåbn") itself.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { checkTrust, checkTrustSync } from '../../core/checkTrust';
import type { KeyDirectory } from '../../core/knownKey';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { useKeyDirectory } from './useKeyDirectory';

const THROTTLE_MS = 300;

function syncState(doc: Y.Doc, dir: KeyDirectory): TrustState | null {
  try {
    return checkTrustSync(doc, dir);
  } catch {
    return null;
  }
}

/** Equal states keep the old object, so typing does not re-render what shows the status. */
function keep(prev: TrustState | null, next: TrustState): TrustState {
  return prev !== null && JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}

/** Null until the first check is done when nothing was verified yet; never throws (a failed check keeps the last). */
export function useTrustState(session: ReferatSession): TrustState | null {
  const { doc } = session;
  const dir = useKeyDirectory();
  const [state, setState] = useState<TrustState | null>(() => syncState(doc, dir));
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let latest = 0;
    const run = async () => {
      const ticket = ++latest;
      try {
        const next = await checkTrust(doc, dir);
        if (!cancelled && ticket === latest) setState((prev) => keep(prev, next));
      } catch (e) {
        console.error('The trust state could not be checked', e);
      }
    };
    void run();
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void run();
      }, THROTTLE_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      cancelled = true;
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc, dir]);
  return state;
}
