// Each referat's updates live in their own IndexedDB database, named from its id.
const PREFIX = 'referat-doc-';

export function docDatabaseName(id: string): string {
  return PREFIX + id;
}

export function idFromDocDatabaseName(name: string): string | null {
  return name.startsWith(PREFIX) ? name.slice(PREFIX.length) : null;
}
