// Token bucket: allows a burst, then a steady rate; caps the messages (or bytes) one signalling or relay socket may send.

/**
 * @typedef {object} TokenBucket
 * @property {(amount?: number) => boolean} take Takes one token (or `amount`); false when the bucket holds fewer, and
 *   then takes none (the caller drops the message).
 */

/**
 * @param {{ ratePerSecond: number, burst: number, now: () => number }} options `now` in milliseconds
 * @returns {TokenBucket}
 */
export function createTokenBucket({ ratePerSecond, burst, now }) {
  let tokens = burst;
  let last = now();
  return {
    take(amount = 1) {
      const t = now();
      if (t > last) {
        tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
        last = t;
      }
      if (tokens < amount) return false;
      tokens -= amount;
      return true;
    },
  };
}
