// How many words changed between two versions of one paragraph, as a reader counts them: a word added or removed
// is one, a word replaced by another is one (each run of changes counts the larger of its words removed and added).
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Above this many word pairs the middle of a long paragraph is counted without aligning it word by word. */
const MAX_ALIGNED_PAIRS = 250_000;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Aligns two word lists (longest common subsequence) and sums, per run of changes, max(removed, added). */
function alignedChanges(a: readonly string[], b: readonly string[]): number {
  const w = b.length + 1;
  const table = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * w + j] = a[i] === b[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
    }
  }
  let total = 0;
  let removed = 0;
  let added = 0;
  let i = 0;
  let j = 0;
  const endRun = () => {
    total += Math.max(removed, added);
    removed = 0;
    added = 0;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      endRun();
      i++;
      j++;
    } else if (j < b.length && (i === a.length || table[i * w + j + 1]! >= table[(i + 1) * w + j]!)) {
      added++;
      j++;
    } else {
      removed++;
      i++;
    }
  }
  endRun();
  return total;
}

/** Words changed from `before` to `after`. */
export function changedWords(before: string, after: string): number {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length === 0 || midB.length === 0) return midA.length + midB.length;
  if (midA.length * midB.length > MAX_ALIGNED_PAIRS) return Math.max(midA.length, midB.length);
  return alignedChanges(midA, midB);
}
