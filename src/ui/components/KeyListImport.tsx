// "Importér nøgleliste": reads a `.referat-noegler` file, and says what it confirmed or why it was refused.
import { useId, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { MAX_KEY_LIST_BYTES, type KeyListErrorCode } from '../../core/keyList';
import type { KeyListImportOutcome } from '../../session/keyListImport';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'done'; name: string; outcome: KeyListImportOutcome }
  | { kind: 'failed'; detail: string };

export function KeyListImport() {
  const { db } = useApp();
  const { t } = useI18n();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function importFile(file: File) {
    setPhase({ kind: 'checking', name: file.name });
    try {
      if (file.size > MAX_KEY_LIST_BYTES) {
        // Refused before it is read.
        setPhase({ kind: 'done', name: file.name, outcome: { kind: 'refused', code: 'malformed', detail: 'too large' } });
        return;
      }
      const [{ importKeyList }, bytes] = await Promise.all([import('../../session/keyListImport'), file.arrayBuffer()]);
      setPhase({ kind: 'done', name: file.name, outcome: await importKeyList(db, new Uint8Array(bytes)) });
    } catch (e) {
      setPhase({ kind: 'failed', detail: errorMessage(e) });
    }
  }

  const outcome = phase.kind === 'done' ? phase.outcome : null;
  const reason = (code: KeyListErrorCode) => t(`keyList.error.${code}`);
  return (
    <div className="stack">
      <span className="import-button">
        <label htmlFor={`${id}-file`} className="button-like">{t('keyList.import')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".referat-noegler,application/json"
          className="visually-hidden-input"
          disabled={phase.kind === 'checking'}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </span>
      <p id={`${id}-hint`} className="muted hint">{t('keyList.importHint')}</p>
      <div role="status" aria-live="polite" data-testid="key-list-import-status">
        {phase.kind === 'checking' && <p>{t('keyList.checking', { name: phase.name })}</p>}
        {outcome?.kind === 'imported' && (
          <>
            <p className="notice">
              {t('keyList.imported', { admin: outcome.administrator.name, organisation: outcome.organisation, added: outcome.result.added.length })}
            </p>
            {outcome.result.keptConfirmed.length > 0 && <p>{t('keyList.keptConfirmed', { count: outcome.result.keptConfirmed.length })}</p>}
            {outcome.result.keptRevoked.length > 0 && <p>{t('keyList.keptRevoked', { count: outcome.result.keptRevoked.length })}</p>}
            {outcome.result.keptOtherOrganisation.length > 0 && (
              <p>{t('keyList.keptOtherOrganisation', { count: outcome.result.keptOtherOrganisation.length })}</p>
            )}
          </>
        )}
      </div>
      {phase.kind === 'done' && outcome?.kind === 'refused' && (
        <p role="alert" className="field-error" data-testid="key-list-import-error" data-code={outcome.code}>
          {t('keyList.refused', { name: phase.name, reason: reason(outcome.code) })}
        </p>
      )}
      {phase.kind === 'failed' && <p role="alert" className="field-error">{t('knownKeys.error.failed', { detail: phase.detail })}</p>}
    </div>
  );
}
