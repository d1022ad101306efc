// Comparing organisation names as people type them: case-blind, spaces trimmed and collapsed.
export function sameOrganisation(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return norm(a) === norm(b);
}
