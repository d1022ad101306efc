// One approval on one line (who, when, whether it counts), with its hash, signature and key behind a disclosure.
import { useMemo, useState } from 'react';
import * as Y from 'yjs';
import { base64ToBytes } from '../../core/base64';
import { groupedHash } from '../../core/groupedHash';
import type { CheckedApproval, TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import type { Language } from '../../storage/settingsStore';
import { useI18n } from '../i18n/I18nContext';
import { formatMoment } from '../i18n/formatMoment';
import type { Translate } from '../i18n/translate';
import { ChangesSince } from './ChangesSince';
import { KeyTrustLabel } from './KeyTrustLabel';
import '../styles/plainWords.css';

/** The snapshot an approval covered, or null (a version-1 entry, or one Yjs cannot read). */
function approvedSnapshot(a: CheckedApproval): Y.Snapshot | null {
  const bytes = a.snapshot === null ? null : base64ToBytes(a.snapshot);
  if (bytes === null) return null;
  try {
    return Y.decodeSnapshot(bytes);
  } catch {
    return null;
  }
}

/** The approval on one line: "Godkendt af Mette Holm, Aarhus Kommune, 6. dec. 2026 kl. 10.12 — bekræftet". */
function approvalLine(t: Translate, lang: Language, a: CheckedApproval): { head: string; state: string } {
  const time = Date.parse(a.approvedAt);
  const when = Number.isNaN(time) ? a.approvedAt : formatMoment(t, lang, time);
  // An invalid entry proves nothing about its key: only what it claims is shown, never a confirmed name.
  if (!a.valid) return { head: t('words.approval.claimedBy', { who: who(t, a.name, a.organisation), when }), state: t('words.approval.invalid') };
  const known = a.confirmedAs;
  const head = t('words.approval.by', { who: known ? who(t, known.name, known.organisation) : who(t, a.name, a.organisation), when });
  const states = [known ? (known.confirmedBy === 'own' ? t('keyTrust.own') : t('words.approval.confirmed')) : t('words.approval.unconfirmed')];
  if (!a.current) states.push(t('words.approval.earlier'));
  return { head, state: states.join(', ') };
}

function who(t: Translate, name: string, organisation: string): string {
  return name.trim() && organisation.trim() ? t('keyTrust.nameOrganisation', { name, organisation }) : name.trim() || organisation.trim() || '–';
}

export function ApprovalItem(props: { approval: CheckedApproval; session: ReferatSession; trust: TrustState }) {
  const { approval: a } = props;
  const { t, lang } = useI18n();
  const [showing, setShowing] = useState(false);
  // An approval of an earlier version: one click shows what changed since, by whom.
  const since = useMemo(() => (a.valid && !a.current ? approvedSnapshot(a) : null), [a]);
  const line = approvalLine(t, lang, a);
  const counts = a.valid && a.confirmedAs !== null;
  return (
    <li data-testid="approval" className="approval" data-valid={a.valid} data-current={a.current} data-confirmed={a.confirmedAs !== null}>
      <p className="approval-line">
        {line.head} — <span className={counts ? undefined : 'field-error'}>{line.state}</span>
      </p>
      {since && (
        <button type="button" className="link-button" aria-expanded={showing} onClick={() => setShowing((v) => !v)}>
          {t(showing ? 'approval.hideChangesSince' : 'approval.changesSince')}
        </button>
      )}
      {since && showing && (
        <ChangesSince session={props.session} trust={props.trust} since={since} sinceName={t('approval.approvedVersion', { name: a.name, organisation: a.organisation })} onClose={() => setShowing(false)} />
      )}
      <details>
        <summary>{t('approval.details')}</summary>
        <ul className="muted approval-details">
          <li>{t('words.approval.hash', { hash: groupedHash(a.contentHash) })}</li>
          <li>{t(a.valid ? 'words.approval.signatureValid' : 'words.approval.signatureInvalid')}</li>
          <li>
            {t('words.approval.key')}{' '}
            {a.valid ? <KeyTrustLabel fingerprint={a.fingerprint} name={a.name} organisation={a.organisation} /> : who(t, a.name, a.organisation)}
            {', '}
            <code className="fingerprint">{a.fingerprint}</code>
          </li>
          {a.entryVersion === 1 && <li>{t('approval.entryVersion1')}</li>}
        </ul>
      </details>
    </li>
  );
}
