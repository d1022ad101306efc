import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { FORMAT_VERSION } from './formatVersion';
import { readMeta } from './meta';
import { migrateDoc } from './migrateDoc';
import { readParticipants } from './participants';
import { metaMap, newReferatDoc } from './referatDoc';

// Frozen copies of documents as earlier versions wrote them; never regenerate them, add new ones.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url)));

describe('format versions', () => {
  it('opens the frozen format-1 fixture with every field intact', () => {
    const doc = newReferatDoc();
    Y.applyUpdate(doc, fixture('format-v1.yjs'));
    expect(migrateDoc(doc)).toBe('migrated');
    expect(readMeta(doc)).toMatchObject({ formatVersion: FORMAT_VERSION, title: 'Driftsmøde med Systemhuset', date: '2026-02-03', startTime: '10:00', endTime: '11:30', location: 'Rådhuset, mødelokale 2' });
    expect(readParticipants(doc).map((p) => `${p.name}/${p.organisation}/${p.present}`)).toEqual([
      'Mette Holm/Aarhus Kommune/true',
      'Bo Lund/Systemhuset A/S/false',
    ]);
    expect(bodyText(doc)).toContain('Serveren flyttes til nyt datacenter i uge 12.');
  });

  it('migrates the format-1 fixture once; a second open finds it current and writes nothing', () => {
    const doc = newReferatDoc();
    Y.applyUpdate(doc, fixture('format-v1.yjs'));
    expect(migrateDoc(doc)).toBe('migrated');
    const after = Y.encodeStateAsUpdate(doc);
    expect(migrateDoc(doc)).toBe('current');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(after);
    expect((doc.getXmlFragment('body').get(0) as Y.XmlElement).nodeName).toBe('heading');
  });

  it('reports a newer format and leaves it untouched', () => {
    const doc = newReferatDoc();
    metaMap(doc).set('formatVersion', FORMAT_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateDoc(doc)).toBe('newer');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reports an empty document as empty', () => {
    expect(migrateDoc(newReferatDoc())).toBe('empty');
  });
});
