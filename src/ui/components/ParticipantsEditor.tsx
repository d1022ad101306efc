// The participants of an open referat: name, organisation, role, and present or absent, as a list that lays out as
// a table where there is room and as stacked fields where there is not (a container query, so a side panel fits too);
// above it, rows that may be one person twice (ParticipantQuestions).
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { readMeta } from '../../core/meta';
import { participantLabels } from '../../core/participantLabels';
import { addParticipant, readParticipants, removeParticipant, updateParticipant, type Participant } from '../../core/participants';
import type { Profile } from '../../core/profile';
import { participantsArray } from '../../core/referatDoc';
import { shallowJsonEqual, useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { ParticipantQuestions } from './ParticipantQuestions';
import '../styles/participants.css';

export function ParticipantsEditor(props: { doc: Y.Doc; readOnly: boolean; profile: Profile }) {
  const { doc, readOnly } = props;
  const { t } = useI18n();
  const id = useId();
  const [result, setResult] = useState('');
  const people = useYValue(participantsArray(doc), () => readParticipants(doc), shallowJsonEqual);
  const labels = participantLabels(people, (n) => `${t('participants.unnamed')} ${n}`);
  const update = (p: Participant, patch: Partial<Participant>) => updateParticipant(doc, p.id, patch);

  return (
    <section aria-labelledby={`${id}-h`} className="participants">
      <h2 id={`${id}-h`}>{t('participants.title')}</h2>
      {!readOnly && <ParticipantQuestions doc={doc} docId={readMeta(doc).id} people={people} onResult={setResult} />}
      <p role="status" className="participants-result">{result}</p>
      {people.length === 0 ? (
        <p className="muted">{t('participants.empty')}</p>
      ) : (
        <>
          <div className="participant-head" aria-hidden="true">
            <span>{t('participants.name')}</span>
            <span>{t('participants.organisation')}</span>
            <span>{t('participants.role')}</span>
            <span>{t('participants.present')}</span>
          </div>
          <ul className="participant-list">
            {people.map((p, i) => {
              const who = labels[i]!;
              return (
                <li key={p.id} className="participant-row">
                  <div className="participant-field participant-name">
                    <label>
                      <span className="participant-label">{t('participants.name')}</span>
                      <input aria-label={`${t('participants.name')} (${i + 1})`} value={p.name} maxLength={200} readOnly={readOnly}
                        onChange={(e) => update(p, { name: e.target.value })} />
                    </label>
                    {p.fingerprint && <span className="muted key-note" data-testid="participant-key">{t('participants.key', { fingerprint: p.fingerprint })}</span>}
                  </div>
                  <label className="participant-field">
                    <span className="participant-label">{t('participants.organisation')}</span>
                    <input aria-label={`${t('participants.organisation')} (${who})`} value={p.organisation} maxLength={200} readOnly={readOnly}
                      onChange={(e) => update(p, { organisation: e.target.value })} />
                  </label>
                  <label className="participant-field">
                    <span className="participant-label">{t('participants.role')}</span>
                    <input aria-label={`${t('participants.role')} (${who})`} value={p.role} maxLength={200} readOnly={readOnly}
                      onChange={(e) => update(p, { role: e.target.value })} />
                  </label>
                  <label className="checkbox participant-present">
                    <input type="checkbox" checked={p.present} disabled={readOnly}
                      onChange={(e) => update(p, { present: e.target.checked })} />
                    <span className="visually-hidden">{who}: </span>
                    {p.present ? t('participants.present') : t('participants.absent')}
                  </label>
                  {!readOnly && (
                    <button type="button" className="participant-remove" aria-label={t('participants.list.removeLabel', { name: who })} onClick={() => removeParticipant(doc, p.id)}>
                      {t('participants.list.remove')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {!readOnly && (
        <button type="button" className="participant-add" onClick={() => addParticipant(doc, { name: '', organisation: '', organisationKind: 'andet', role: '', present: true })}>
          {t('participants.add')}
        </button>
      )}
    </section>
  );
}
