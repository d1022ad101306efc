// Saves a readable HTML copy of an open referat to a file, for when it cannot be saved on this device.
import type * as Y from 'yjs';
import { readMeta } from '../core/meta';
import { readParticipants } from '../core/participants';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function referatCopyHtml(doc: Y.Doc, bodyHtml: string, lang: string): string {
  const meta = readMeta(doc);
  const people = readParticipants(doc)
    .map((p) => `<li>${esc(p.name)}${p.organisation ? `, ${esc(p.organisation)}` : ''}${p.role ? ` (${esc(p.role)})` : ''}${p.present ? '' : ' – fraværende / absent'}</li>`)
    .join('');
  const when = [meta.date, meta.startTime && `${meta.startTime}–${meta.endTime}`, meta.location].filter(Boolean).map((s) => esc(String(s))).join(' · ');
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(meta.title)}</title></head><body>` +
    `<h1>${esc(meta.title)}</h1><p>${when}</p><ul>${people}</ul>${bodyHtml}</body></html>`;
}

export function downloadFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
