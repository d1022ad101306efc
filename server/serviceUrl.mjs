// Whether a flag's value is a URL of a backing service (Postgres, Redis): one of its schemes, and a host.

/**
 * @param {string} url
 * @param {readonly string[]} protocols e.g. ['redis:', 'rediss:']
 * @returns {boolean}
 */
export function isServiceUrl(url, protocols) {
  try {
    const parsed = new URL(url);
    return protocols.includes(parsed.protocol) && parsed.hostname !== '';
  } catch {
    return false;
  }
}
