// The copy ledger of an open referat: for each other party, in plain sentences, whether they hold all of this copy
// or what they lack (words and paragraphs of the text, counted from the text: copyLedgerWords.ts), and the export of
// exactly what they lack (or of the whole copy). A party that holds everything is offered nothing to export.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { copyLag, lacksVisible, NO_LAG, type CopyLag } from '../../core/copyLag';
import { errorMessage } from '../../core/errorMessage';
import { covers, missingSince, type KnownState } from '../../core/missingSince';
import { decodeStateVectorSafe } from '../../core/stateVectors';
import { autoVersionList } from '../../session/autoVersionList';
import type { ReferatSession } from '../../session/referatSession';
import { copyLedger } from '../../session/libraryQueries';
import type { LedgerRow } from '../../storage/libraryDatabase';
import { ledgerSentences } from '../copyLedgerWords';
import { downloadFile } from '../downloadCopy';
import { useApp } from '../hooks/AppContext';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';
import { ImportButton } from './ImportButton';
import { KeyTrustLabel } from './KeyTrustLabel';
import '../styles/plainWords.css';

const EMPTY: LedgerRow[] = [];

/** Typing changes the counts on every key; a React commit while the editor has focus walks the whole text. */
const COUNT_DELAY_MS = 1000;

function sameStateVector(a: Map<number, number>, b: Map<number, number>): boolean {
  return a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);
}

/** The copy's state vector, settled a second after typing, and each state it reached while open, with when. */
function useStateVector(doc: Y.Doc): { sv: Map<number, number>; seen: KnownState[] } {
  const [state, setState] = useState(() => ({ sv: Y.decodeStateVector(Y.encodeStateVector(doc)), seen: [] as KnownState[] }));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let firstAt = 0;
    const onUpdate = () => {
      if (timer) return;
      firstAt = Date.now();
      timer = setTimeout(() => {
        timer = null;
        const next = Y.decodeStateVector(Y.encodeStateVector(doc));
        // The changes of this window were made from `firstAt` on: a party lacking them lacks changes from then.
        setState((prev) => (sameStateVector(prev.sv, next) ? prev : { sv: next, seen: [...prev.seen.slice(-99), { at: firstAt, sv: next }] }));
      }, COUNT_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return state;
}

const NO_VERSIONS: KnownState[] = [];

/** Who a row's sentence is about: the organisation, or the name when another row has the same organisation. */
function subjects(rows: readonly LedgerRow[]): Map<string, string> {
  const orgs = new Map<string, number>();
  for (const r of rows) orgs.set(r.organisation.trim(), (orgs.get(r.organisation.trim()) ?? 0) + 1);
  return new Map(rows.map((r) => [r.partyId, r.organisation.trim() && orgs.get(r.organisation.trim()) === 1 ? r.organisation.trim() : r.name.trim() || r.partyId]));
}

export function CopiesPanel(props: { session: ReferatSession }) {
  const { session } = props;
  const { db } = useApp();
  const { load: loadLocal } = useLocalIdentity();
  const { t, lang } = useI18n();
  const id = useId();
  const rows = useLiveQuery(() => copyLedger(db, session.id), [db, session.id]) ?? EMPTY;
  const { sv: ours, seen } = useStateVector(session.doc);
  // Moments this device recorded the copy's state (automatic versions): when what a party lacks began.
  const versions =
    useLiveQuery(async () => (await autoVersionList(db, session.id)).map((v): KnownState => ({ at: v.at, sv: v.snapshot.sv })), [db, session.id]) ?? NO_VERSIONS;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const who = useMemo(() => subjects(rows), [rows]);
  const lags = useMemo(() => {
    // Recounted when the copy's state settles (`ours`), not on every key.
    const out = new Map<string, CopyLag | null>();
    for (const r of rows) {
      const held = decodeStateVectorSafe(r.heldStateVector);
      const lag = held && r.heldAt !== null ? (covers(held, ours) ? NO_LAG : copyLag(session.doc, held)) : null;
      // Lacking only bookkeeping (who wrote what, claims) is holding everything a reader sees.
      out.set(r.partyId, lag && !lacksVisible(lag) ? NO_LAG : lag);
    }
    return out;
  }, [rows, ours, session.doc]);

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

  const sentences = (r: LedgerRow) => {
    const lag = lags.get(r.partyId) ?? null;
    const held = decodeStateVectorSafe(r.heldStateVector);
    const since = lag && !lag.complete && held ? missingSince([...versions, ...seen], held) : null;
    return ledgerSentences(t, lang, { who: who.get(r.partyId) ?? r.name, lag, missingSince: since, heldAt: r.heldAt, heldChannel: r.heldVia === 'relay' ? 'relay' : r.heldChannel, sentAt: r.sentAt });
  };

  return (
    <section className="copies-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('copies.title')}</h2>
      <p className="muted">{t('copies.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('copies.none')}</p>
      ) : (
        <ul className="copies-ledger">
          {rows.map((r) => {
            const lag = lags.get(r.partyId) ?? null;
            return (
              <li key={r.partyId} data-testid="ledger-row" data-complete={lag?.complete === true}>
                <KeyTrustLabel fingerprint={r.partyId} name={r.name} organisation={r.organisation} />
                <p className="copies-state" data-testid="ledger-state">{sentences(r).join(' ')}</p>
                {lag?.complete !== true && (
                  <button type="button" onClick={() => void exportFor(r.partyId)}>{t('words.ledger.send', { who: who.get(r.partyId) ?? r.name })}</button>
                )}
              </li>
            );
          })}
        </ul>
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
