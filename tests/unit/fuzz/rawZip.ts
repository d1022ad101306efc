// Writes a stored (uncompressed) ZIP byte by byte, with names and flags as given: unlike ZipWriter it checks
// nothing, so fuzz tests can hand the reader names no honest writer would make.
import { crc32 } from '../../../src/export/crc32';

export interface RawEntry {
  /** Written as they are, UTF-8 or not. */
  name: Uint8Array;
  data: Uint8Array;
  /** General purpose flag bit 11: the name claims to be UTF-8. */
  utf8: boolean;
}

export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const flags = e.utf8 ? 0x800 : 0;
    const crc = crc32(e.data);
    const local = new Uint8Array(30 + e.name.length + e.data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, flags, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, e.data.length, true);
    l.setUint32(22, e.data.length, true);
    l.setUint16(26, e.name.length, true);
    local.set(e.name, 30);
    local.set(e.data, 30 + e.name.length);
    const central = new Uint8Array(46 + e.name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, e.data.length, true);
    c.setUint32(24, e.data.length, true);
    c.setUint16(28, e.name.length, true);
    c.setUint32(42, offset, true);
    central.set(e.name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const d = new DataView(end.buffer);
  d.setUint32(0, 0x06054b50, true);
  d.setUint16(8, entries.length, true);
  d.setUint16(10, entries.length, true);
  d.setUint32(12, cdSize, true);
  d.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
