// Builds `.referat` bytes from arbitrary parts, to make files the real encoder would refuse to write.
import { REFERAT_FILE_MAGIC, REFERAT_FILE_VERSION, type Signer } from '../core/referatFile';

export interface FileParts {
  /** An object is written as JSON; bytes are written as they are. */
  header: unknown;
  update: Uint8Array;
  /** Signs the assembled bytes with this signer, or writes these bytes as the signature. */
  signature: Signer | Uint8Array;
  version?: number;
}

export async function assembleReferatFile(parts: FileParts): Promise<Uint8Array> {
  const header = parts.header instanceof Uint8Array ? parts.header : new TextEncoder().encode(JSON.stringify(parts.header));
  const signed = new Uint8Array(8 + 2 + 4 + header.length + 4 + parts.update.length);
  const view = new DataView(signed.buffer);
  signed.set(REFERAT_FILE_MAGIC, 0);
  view.setUint16(8, parts.version ?? REFERAT_FILE_VERSION);
  view.setUint32(10, header.length);
  signed.set(header, 14);
  view.setUint32(14 + header.length, parts.update.length);
  signed.set(parts.update, 18 + header.length);
  const signature = parts.signature instanceof Uint8Array ? parts.signature : await parts.signature.sign(signed);
  const out = new Uint8Array(signed.length + 2 + signature.length);
  out.set(signed);
  new DataView(out.buffer).setUint16(signed.length, signature.length);
  out.set(signature, signed.length + 2);
  return out;
}

/** The header JSON of a well-formed file, as an object to modify. */
export function headerOf(file: Uint8Array): Record<string, unknown> {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(10);
  return JSON.parse(new TextDecoder().decode(file.subarray(14, 14 + length))) as Record<string, unknown>;
}

/** The update bytes of a well-formed file. */
export function updateOf(file: Uint8Array): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset);
  const headerLength = view.getUint32(10);
  const updateLength = view.getUint32(14 + headerLength);
  return file.slice(18 + headerLength, 18 + headerLength + updateLength);
}
