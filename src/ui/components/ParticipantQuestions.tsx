// Rows that may be one person twice, above the participants list: "Flet" when the names and organisations agree, a
// yes/no question when unsure ("Er Lars Holm (Medialogic A/S, nøgle 90FA CAFE …) den samme som rækken 'Lars Holm'?").
// Nothing is merged without a click; "Nej" is remembered on this device.
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { MergeRefusedError, mergeParticipants } from '../../core/mergeParticipants';
import { duplicatePairs, personName, type DuplicatePair } from '../../core/participantMatch';
import type { Participant } from '../../core/participants';
import { useI18n } from '../i18n/I18nContext';

const pairKey = (p: DuplicatePair) => `${p.keep.id}+${p.other.id}`;
const storageKey = (docId: string) => `referat-participants-apart:${docId}`;

/** The pairs this device was told are two people, as stored (anything else in storage reads as none). */
function storedApart(docId: string): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey(docId)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 500) : [];
  } catch {
    return [];
  }
}

/** The first two groups of a fingerprint, enough to tell keys apart in a sentence: "90FA CAFE …". */
function shortKey(fingerprint: string): string {
  return `${fingerprint.split(' ').slice(0, 2).join(' ')} …`;
}

export function ParticipantQuestions(props: { doc: Y.Doc; docId: string; people: Participant[]; onResult: (message: string) => void }) {
  const { doc, docId, people, onResult } = props;
  const { t } = useI18n();
  const prefix = useId();
  const [apart, setApart] = useState<string[]>(() => storedApart(docId));
  const pairs = duplicatePairs(people).filter((p) => !apart.includes(pairKey(p)));
  if (pairs.length === 0) return null;

  const merge = (pair: DuplicatePair, name: string) => {
    try {
      const { notKept } = mergeParticipants(doc, pair.keep.id, pair.other.id);
      onResult(notKept.length === 0 ? t('participants.same.merged', { name }) : t('participants.same.mergedNotKept', { name, values: notKept.join(', ') }));
    } catch (e) {
      if (!(e instanceof MergeRefusedError)) throw e;
      onResult(t('participants.same.refused'));
    }
  };
  const keepApart = (pair: DuplicatePair, name: string) => {
    const next = [...apart, pairKey(pair)];
    setApart(next);
    try {
      globalThis.localStorage?.setItem(storageKey(docId), JSON.stringify(next));
    } catch {
      // Not stored: the question comes back on the next visit, which loses nothing.
    }
    onResult(t('participants.same.apart', { name }));
  };

  return (
    <ul className="participant-questions">
      {pairs.map((pair) => {
        const key = pairKey(pair);
        if (pair.relation === 'certain') {
          const name = personName(pair.keep).name || personName(pair.other).name;
          return (
            <li key={key}>
              <div className="participant-question">
                <span>{t('participants.same.twice', { name })}</span>
                <button type="button" aria-label={t('participants.same.mergeLabel', { name })} onClick={() => merge(pair, name)}>
                  {t('participants.same.merge')}
                </button>
              </div>
            </li>
          );
        }
        // The row with a key is the person asked about; the other is the row as it was typed.
        const [subject, row] = pair.other.fingerprint !== null ? [pair.other, pair.keep] : [pair.keep, pair.other];
        const who = personName(subject);
        const details = [who.organisation, subject.fingerprint ? t('participants.list.keyShort', { key: shortKey(subject.fingerprint) }) : ''].filter(Boolean).join(', ');
        const question = t('participants.same.question', { name: who.name, details, row: row.name.trim() || personName(row).name });
        const id = `${prefix}-${key}`;
        return (
          <li key={key}>
            <div className="participant-question" role="group" aria-labelledby={id}>
              <span id={id}>{question}</span>
              <span className="participant-question-answers">
                <button type="button" onClick={() => merge(pair, who.name)}>{t('participants.same.yes')}</button>
                <button type="button" onClick={() => keepApart(pair, who.name)}>{t('participants.same.no')}</button>
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
