// Fingerprints in forms people can compare: the read-aloud digits (each hex group as 5 decimal digits) and parsing what they type.
import { FINGERPRINT_PATTERN } from './fingerprint';

/** Eight groups of five decimal digits separated by spaces, e.g. `41977 04800 …`: each group is parseInt(hexGroup, 16). */
export const READ_ALOUD_PATTERN = /^\d{5}( \d{5}){7}$/;

/** The read-aloud form of a fingerprint (Signal's safety numbers do the same); throws on anything but a fingerprint. */
export function fingerprintReadAloud(fingerprint: string): string {
  if (!FINGERPRINT_PATTERN.test(fingerprint)) throw new RangeError('Not a fingerprint');
  return fingerprint
    .split(' ')
    .map((g) => String(Number.parseInt(g, 16)).padStart(5, '0'))
    .join(' ');
}

/** The groups of a read-aloud form, for showing them in smaller pieces. */
export function fingerprintGroups(text: string): string[] {
  return text.split(' ');
}

/**
 * A fingerprint as typed or pasted: 32 hex digits (any case, with or without spaces or dashes), or the 40-digit
 * read-aloud form (each group 00000–65535). Returns the canonical `XXXX XXXX …` form, or null for anything else.
 */
export function parseFingerprint(input: string): string | null {
  if (typeof input !== 'string' || input.length > 200) return null;
  const compact = input.replace(/[\s\-–:.]/g, '');
  if (/^[0-9a-fA-F]{32}$/.test(compact)) {
    return compact.toUpperCase().match(/.{4}/g)!.join(' ');
  }
  if (/^\d{40}$/.test(compact)) {
    const groups: string[] = [];
    for (let i = 0; i < 40; i += 5) {
      const n = Number(compact.slice(i, i + 5));
      if (n > 0xffff) return null;
      groups.push(n.toString(16).toUpperCase().padStart(4, '0'));
    }
    return groups.join(' ');
  }
  return null;
}
