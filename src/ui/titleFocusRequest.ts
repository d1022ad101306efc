// A request, made where a referat is created ("Nyt referat", "Næste møde"), that its page puts focus in Titel
// once it opens. Kept for one referat id, taken once; a referat opened any other way keeps focus where it was.
let requested: string | null = null;

export function requestTitleFocus(id: string): void {
  requested = id;
}

/** True once for the referat `id` if its creation asked for focus in Titel. */
export function takeTitleFocus(id: string): boolean {
  if (requested !== id) return false;
  requested = null;
  return true;
}
