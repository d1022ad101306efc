// Q1's floor: search as a plain linear scan. Every row's searchable text is folded once; a query is then
// folded and each of its words looked for with `includes` in every row (substring, not word-start: cheaper).

/**
 * @typedef {object} LinearScan
 * @property {(query: string) => number} count rows that contain every word of `query`
 * @property {number} size rows
 */

/**
 * @param {readonly string[]} texts one searchable text per row (every field joined)
 * @param {(text: string) => string} fold the app's danishFold
 * @returns {LinearScan}
 */
export function linearScan(texts, fold) {
  const folded = texts.map((t) => fold(t));
  return {
    size: folded.length,
    count(query) {
      const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      let n = 0;
      for (const text of folded) {
        let all = true;
        for (const w of words) {
          if (!text.includes(w)) {
            all = false;
            break;
          }
        }
        if (all) n++;
      }
      return n;
    },
  };
}
