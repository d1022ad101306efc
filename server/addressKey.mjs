// The key a remote address is counted under for the per-address socket cap: IPv4 as is, IPv6 by its /64 prefix.

/**
 * Expands an IPv6 address (no zone) to its eight 16-bit groups, or null when it is not one.
 * @param {string} address
 * @returns {number[] | null}
 */
function ipv6Groups(address) {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  /** @param {string} part */
  const groups = (part) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  const parsed = all.map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  return parsed.some(Number.isNaN) ? null : parsed;
}

/**
 * One person on IPv6 usually has a whole /64, so sockets are counted per /64 there; an IPv4-mapped IPv6 address
 * (::ffff:203.0.113.5, what a dual-stack listener reports) counts as its IPv4 address.
 * @param {string | undefined} remoteAddress as `socket.remoteAddress` gives it
 * @returns {string}
 */
export function addressKey(remoteAddress) {
  if (!remoteAddress) return 'unknown';
  const address = remoteAddress.split('%', 1)[0] ?? '';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1] ?? address;
  if (!address.includes(':')) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address.toLowerCase();
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}
