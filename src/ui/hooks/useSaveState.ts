// The save state of an open referat: saved, saving, or failed with the error.
import { useSyncExternalStore } from 'react';
import type { ReferatSession } from '../../session/referatSession';
import type { SaveState } from '../../storage/docStore';

export function useSaveState(session: ReferatSession): SaveState {
  return useSyncExternalStore((l) => session.onSaveState(l), () => session.saveState());
}
