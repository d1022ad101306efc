// Brings a stored referat up to the current format version, one step at a time; never touches newer formats.
import type * as Y from 'yjs';
import { FORMAT_VERSION } from './formatVersion';
import { metaMap } from './referatDoc';

export type DocFormatState = 'current' | 'migrated' | 'newer' | 'empty';

/** Step N upgrades a document of version N to N + 1. Version 1 is the first, so there are none yet. */
const STEPS: Record<number, (doc: Y.Doc) => void> = {};

export function docFormatVersion(doc: Y.Doc): number {
  const v = metaMap(doc).get('formatVersion');
  return typeof v === 'number' && Number.isInteger(v) ? v : 0;
}

export function migrateDoc(doc: Y.Doc): DocFormatState {
  let version = docFormatVersion(doc);
  if (version === 0) return 'empty';
  if (version > FORMAT_VERSION) return 'newer';
  if (version === FORMAT_VERSION) return 'current';
  doc.transact(() => {
    while (version < FORMAT_VERSION) {
      const step = STEPS[version];
      if (!step) throw new Error(`No migration from format version ${version}`);
      step(doc);
      version++;
      metaMap(doc).set('formatVersion', version);
    }
  });
  return 'migrated';
}
