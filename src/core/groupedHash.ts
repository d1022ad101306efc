// A content hash as people read it aloud and compare it: hex in groups of four.
export function groupedHash(hash: string): string {
  return (hash.match(/.{1,4}/g) ?? []).join(' ');
}
