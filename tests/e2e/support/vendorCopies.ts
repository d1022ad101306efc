// Signed `.referat` copies from one other party, made in Node, and a backup-style ZIP of them: input for tests that
// import or restore while something goes wrong.
import { zipSync } from 'fflate';
import * as Y from 'yjs';
import { initReferat } from '../../../src/core/initReferat';
import { encodeReferatFile, type Signer } from '../../../src/core/referatFile';
import { bodyFragment, newReferatDoc } from '../../../src/core/referatDoc';
import { newReferatId } from '../../../src/core/referatId';
import { STANDARD_TEMPLATE } from '../../../src/core/templates';
import { backupFilePath } from '../../../src/export/backupIndex';
import { createTestSigner } from '../../../src/testSupport/testSigner';

export const VENDOR = { name: 'Jens Bach', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' as const };

export interface VendorCopy {
  docId: string;
  title: string;
  /** The last paragraph of its text, to find it after an import. */
  lastLine: string;
  name: string;
  bytes: Buffer;
}

export interface VendorCopies {
  signer: Signer;
  /** A new referat, `paragraphs` long, titled `title`, as the signed file the vendor would send. */
  copy(title: string, paragraphs?: number): Promise<VendorCopy>;
}

export async function vendorCopies(): Promise<VendorCopies> {
  const signer = await createTestSigner('ECDSA-P256');
  return {
    signer,
    async copy(title, paragraphs = 40) {
      const docId = newReferatId();
      const doc = newReferatDoc();
      initReferat(doc, { id: docId, title, date: '2026-11-30', createdAt: '2026-11-30T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: VENDOR });
      const lines = Array.from({ length: paragraphs }, (_, i) => `${title}: linje ${i + 1} om drift, leverancer og aftalte frister.`);
      doc.transact(() => {
        const body = bodyFragment(doc);
        body.insert(
          body.length,
          lines.map((line) => {
            const p = new Y.XmlElement('paragraph');
            p.insert(0, [new Y.XmlText(line)]);
            return p;
          }),
        );
      });
      const bytes = await encodeReferatFile({
        docId,
        title,
        sender: VENDOR,
        signer,
        stateVector: Y.encodeStateVector(doc),
        base: null,
        update: Y.encodeStateAsUpdate(doc),
        now: new Date(),
      });
      doc.destroy();
      return { docId, title, lastLine: lines.at(-1) ?? '', name: `${title}.referat`, bytes: Buffer.from(bytes) };
    },
  };
}

/** A ZIP of copies laid out as a backup (no signed index: restoring merges them without trusting their signer). */
export function backupZip(copies: readonly VendorCopy[]): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(copies.map((c) => [backupFilePath(c.docId), new Uint8Array(c.bytes)]))));
}
