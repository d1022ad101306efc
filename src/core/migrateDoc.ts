// Brings a stored referat up to the current format version, one step at a time; never touches newer formats.
import type * as Y from 'yjs';
import { FORMAT_VERSION } from './formatVersion';
import { metaMap } from './referatDoc';

export type DocFormatState = 'current' | 'migrated' | 'newer' | 'empty';

/** Step N upgrades a document of version N to N + 1. */
const STEPS: Record<number, (doc: Y.Doc) => void> = {
  // 1 → 2 adds agenda items, decisions and action items to the body. Version-1 text (headings and
  // paragraphs) stays valid as it is; the bump makes older apps open format-2 documents read-only.
  1: () => undefined,
};

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
