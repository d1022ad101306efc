// One log line per refusal of the signalling server or the relay (who, which limit), throttled so a flood cannot flood the log;
// the first refusal of each kind of limit is always written.

/**
 * @typedef {object} RefusalLog
 * @property {(who: string, limit: string, detail: string) => void} refuse Logs one refusal.
 * @property {() => void} flush Writes the count of lines held back, if any.
 */

/**
 * Quotes a value a client chose (an Origin header) so it cannot forge a log line: JSON escapes, at most 100 characters.
 * @param {string} value
 * @returns {string}
 */
export function quoteForLog(value) {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}

/**
 * @param {{ write: (line: string) => void, maxLinesPerSecond: number, now: () => number, name?: string }} options `name`
 *   starts each line: `signalling` unless told otherwise
 * @returns {RefusalLog}
 */
export function createRefusalLog({ write, maxLinesPerSecond, now, name = 'signalling' }) {
  let windowStart = now();
  let linesInWindow = 0;
  let held = 0;
  /** Each kind of limit is logged at least once, however busy the log is: an operator sees every limit that bit. */
  const seenLimits = new Set();

  const stamp = () => new Date().toISOString();
  const flush = () => {
    if (held === 0) return;
    write(`${stamp()} ${name}: ${held} more refusal${held === 1 ? '' : 's'} not logged (over ${maxLinesPerSecond} lines per second)`);
    held = 0;
  };

  return {
    refuse(who, limit, detail) {
      const t = now();
      if (t - windowStart >= 1000) {
        flush();
        windowStart = t;
        linesInWindow = 0;
      }
      const firstOfKind = !seenLimits.has(limit) && seenLimits.size < 64;
      if (firstOfKind) seenLimits.add(limit);
      if (linesInWindow >= maxLinesPerSecond && !firstOfKind) {
        held += 1;
        return;
      }
      linesInWindow += 1;
      write(`${stamp()} ${name} refused ${who}: ${limit} (${detail})`);
    },
    flush,
  };
}
