// The summary a referat opens with when others changed it since its reader last looked here: how many changes from
// whom (unconfirmed authors marked so), a way to see exactly those changes, and "Markér som set". Dismissed by that.
import { useId } from 'react';
import type { UnseenAuthor, UnseenChanges } from '../../session/unseenChanges';
import { useI18n } from '../i18n/I18nContext';

export function UnseenChangesBanner(props: { unseen: UnseenChanges | null; showing: boolean; onToggle: () => void; onMarkSeen: () => void }) {
  const { unseen } = props;
  const { t, formatDateTime } = useI18n();
  const id = useId();
  if (!unseen || (unseen.kind !== 'changed' && unseen.kind !== 'notComparable')) return null;
  const when = formatDateTime(unseen.seenAt);
  const who = (a: UnseenAuthor) => {
    const named = a.named ? t('liveTrust.peer', { name: a.named.name, organisation: a.named.organisation }) : t('unseen.unknown');
    return a.verified ? named : t('unseen.unverified', { who: named });
  };
  const one = unseen.kind === 'changed' && unseen.authors.length === 1 ? unseen.authors[0] : undefined;
  return (
    <section className="note unseen" aria-labelledby={`${id}-h`} data-testid="unseen-changes">
      <h2 id={`${id}-h`}>{t('unseen.heading')}</h2>
      {unseen.kind === 'notComparable' ? (
        <p>{t('unseen.notComparable', { when })}</p>
      ) : one ? (
        <p>{t(one.changes === 1 ? 'unseen.summary.one' : 'unseen.summary.many', { count: one.changes, who: who(one), when })}</p>
      ) : (
        <>
          <p>{t('unseen.summary.several', { count: unseen.total, when })}</p>
          <ul>
            {unseen.authors.map((a) => (
              <li key={a.key}>{t(a.changes === 1 ? 'unseen.author.one' : 'unseen.author.many', { count: a.changes, who: who(a) })}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        {unseen.kind === 'changed' && (
          <button type="button" aria-expanded={props.showing} onClick={props.onToggle}>{t(props.showing ? 'unseen.hide' : 'unseen.show')}</button>
        )}
        <button type="button" className="primary" onClick={props.onMarkSeen}>{t('unseen.markSeen')}</button>
      </div>
    </section>
  );
}
