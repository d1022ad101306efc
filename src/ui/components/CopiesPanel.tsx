// The copy ledger of an open referat: for each other party, whether they hold all of this copy, and the
// export of exactly what they miss (or of the whole copy).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import * as Y from 'yjs';
import { errorMessage } from '../../core/errorMessage';
import { decodeStateVectorSafe, missingChanges } from '../../core/stateVectors';
import type { ReferatSession } from '../../session/referatSession';
import { copyLedger } from '../../session/libraryQueries';
import type { LedgerRow } from '../../storage/libraryDatabase';
import { downloadFile } from '../downloadCopy';
import { useApp } from '../hooks/AppContext';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';
import { ImportButton } from './ImportButton';
import { KeyTrustLabel } from './KeyTrustLabel';

const EMPTY: LedgerRow[] = [];

/** Typing changes the counts on every key; a React commit while the editor has focus walks the whole text. */
const COUNT_DELAY_MS = 1000;

function sameStateVector(a: Map<number, number>, b: Map<number, number>): boolean {
  return a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);
}

function useStateVector(doc: Y.Doc): Map<number, number> {
  const [sv, setSv] = useState(() => Y.decodeStateVector(Y.encodeStateVector(doc)));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        const next = Y.decodeStateVector(Y.encodeStateVector(doc));
        setSv((prev) => (sameStateVector(prev, next) ? prev : next));
      }, COUNT_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return sv;
}

export function CopiesPanel(props: { session: ReferatSession }) {
  const { session } = props;
  const { db } = useApp();
  const { load: loadLocal } = useLocalIdentity();
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const rows = useLiveQuery(() => copyLedger(db, session.id), [db, session.id]) ?? EMPTY;
  const ours = useStateVector(session.doc);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportFor = async (party: string | null) => {
    setError(null);
    try {
      const [{ exportCopy }, local] = await Promise.all([import('../../session/exportCopy'), loadLocal()]);
      const copy = await exportCopy(db, session, local, party);
      downloadFile(copy.fileName, copy.bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
      setMessage(t('copies.exported', { file: copy.fileName }));
    } catch (e) {
      setError(t('error.generic', { message: errorMessage(e) }));
    }
  };

  const state = (r: LedgerRow) => {
    const parts: string[] = [];
    const held = decodeStateVectorSafe(r.heldStateVector);
    if (held && r.heldAt !== null) {
      const channel = t(r.heldChannel === 'live' ? 'copies.channel.live' : 'copies.channel.file');
      const missing = missingChanges(ours, held);
      const when = formatDateTime(r.heldAt);
      parts.push(missing === 0 ? t('copies.full', { when, channel }) : t('copies.missing', { count: missing, when, channel }));
    } else {
      parts.push(t('copies.neverHeld'));
    }
    if (r.sentAt !== null && (r.heldAt === null || r.sentAt > r.heldAt)) parts.push(t('copies.sent', { when: formatDateTime(r.sentAt) }));
    return parts.join('. ');
  };

  return (
    <section className="copies-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('copies.title')}</h2>
      <p className="muted">{t('copies.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('copies.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('copies.party')}</th>
              <th scope="col">{t('copies.state')}</th>
              <th scope="col"><span className="visually-hidden">{t('participants.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.partyId} data-testid="ledger-row">
                <th scope="row"><KeyTrustLabel fingerprint={r.partyId} name={r.name} organisation={r.organisation} /></th>
                <td>{state(r)}</td>
                <td>
                  <button type="button" onClick={() => void exportFor(r.partyId)}>{t('copies.exportMissing', { name: r.name })}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={() => void exportFor(null)}>{t('copies.export')}</button>
        <ImportButton label={t('import.here')} expectedDocId={session.id} />
      </div>
      <div role="status" aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      {error && <p role="alert" className="field-error">{error}</p>}
    </section>
  );
}
