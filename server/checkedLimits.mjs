// Limits of the signalling server and the relay: defaults with overrides, each a positive whole number except rates.

/**
 * The defaults with the overrides applied, each checked: a rate (`messagesPerSecond`) a positive number, everything
 * else a positive whole number.
 * @template {Record<string, number>} T
 * @param {Readonly<T>} defaults
 * @param {Partial<T>} overrides
 * @param {string} what names the limits in the error, e.g. `relay`
 * @returns {T}
 * @throws {Error} naming the first limit that is not one
 */
export function checkedLimits(defaults, overrides, what) {
  const limits = /** @type {T} */ ({ ...defaults, ...overrides });
  for (const [name, value] of Object.entries(limits)) {
    const rate = name === 'messagesPerSecond';
    const ok = rate ? Number.isFinite(value) && value > 0 : Number.isInteger(value) && value >= 1;
    if (!ok) throw new Error(`${what} limit ${name} must be a positive ${rate ? 'number' : 'integer'}, got ${String(value)}`);
  }
  return limits;
}
