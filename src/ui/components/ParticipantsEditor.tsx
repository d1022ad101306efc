// The participants of an open referat: name, organisation, role, and present or absent.
import { useId } from 'react';
import type * as Y from 'yjs';
import { addParticipant, readParticipants, removeParticipant, updateParticipant, type Participant } from '../../core/participants';
import type { Profile } from '../../core/profile';
import { participantsArray } from '../../core/referatDoc';
import { shallowJsonEqual, useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';

export function ParticipantsEditor(props: { doc: Y.Doc; readOnly: boolean; profile: Profile }) {
  const { doc, readOnly } = props;
  const { t } = useI18n();
  const id = useId();
  const people = useYValue(participantsArray(doc), () => readParticipants(doc), shallowJsonEqual);
  const update = (p: Participant, patch: Partial<Participant>) => updateParticipant(doc, p.id, patch);

  return (
    <section aria-labelledby={`${id}-h`} className="participants">
      <h2 id={`${id}-h`}>{t('participants.title')}</h2>
      {people.length === 0 ? (
        <p className="muted">{t('participants.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.organisation')}</th>
              <th scope="col">{t('participants.role')}</th>
              <th scope="col">{t('participants.present')}</th>
              {!readOnly && <th scope="col"><span className="visually-hidden">{t('participants.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {people.map((p, i) => {
              const who = p.name || `${t('participants.unnamed')} ${i + 1}`;
              return (
                <tr key={p.id}>
                  <td>
                    <input aria-label={`${t('participants.name')} (${i + 1})`} value={p.name} maxLength={200} readOnly={readOnly}
                      onChange={(e) => update(p, { name: e.target.value })} />
                    {p.fingerprint && <p className="muted key-note" data-testid="participant-key">{t('participants.key', { fingerprint: p.fingerprint })}</p>}
                  </td>
                  <td>
                    <input aria-label={`${t('participants.organisation')} (${who})`} value={p.organisation} maxLength={200} readOnly={readOnly}
                      onChange={(e) => update(p, { organisation: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`${t('participants.role')} (${who})`} value={p.role} maxLength={200} readOnly={readOnly}
                      onChange={(e) => update(p, { role: e.target.value })} />
                  </td>
                  <td>
                    <label className="checkbox">
                      <input type="checkbox" checked={p.present} disabled={readOnly}
                        onChange={(e) => update(p, { present: e.target.checked })} />
                      <span className="visually-hidden">{who}: </span>
                      {p.present ? t('participants.present') : t('participants.absent')}
                    </label>
                  </td>
                  {!readOnly && (
                    <td>
                      <button type="button" onClick={() => removeParticipant(doc, p.id)}>
                        {t('participants.remove', { name: who })}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <button type="button" onClick={() => addParticipant(doc, { name: '', organisation: '', organisationKind: 'andet', role: '', present: true })}>
          {t('participants.add')}
        </button>
      )}
    </section>
  );
}
