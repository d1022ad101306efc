// Reads a string member of a Y.Map written by any peer: a value of another type reads as ''.
import type * as Y from 'yjs';

export function mapString(m: Y.Map<unknown>, key: string): string {
  const v = m.get(key);
  return typeof v === 'string' ? v : '';
}
