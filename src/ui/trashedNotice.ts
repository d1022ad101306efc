// The referat just moved to the trash from its own page, handed to the library, which says so and offers "Fortryd".
export interface Trashed {
  id: string;
  title: string;
}

let pending: Trashed | null = null;

export function noteTrashed(trashed: Trashed): void {
  pending = trashed;
}

/** The referat moved to the trash on the way here. */
export function peekTrashed(): Trashed | null {
  return pending;
}

/** Said once: later visits to the library do not repeat it. */
export function clearTrashed(): void {
  pending = null;
}
