// Token bucket: allows a burst, then a steady rate; used to cap the messages one signalling socket may send.

/**
 * @typedef {object} TokenBucket
 * @property {() => boolean} take Takes one token; false when the bucket is empty (the caller drops the message).
 */

/**
 * @param {{ ratePerSecond: number, burst: number, now: () => number }} options `now` in milliseconds
 * @returns {TokenBucket}
 */
export function createTokenBucket({ ratePerSecond, burst, now }) {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      if (t > last) {
        tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
        last = t;
      }
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
