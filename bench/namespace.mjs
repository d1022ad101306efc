// A private network namespace for the bench processes, as scripts/e2e.mjs makes one for the browser tests:
// WebRTC between two browser contexts then stays on loopback, and needs nothing else from the machine.
import { spawnSync } from 'node:child_process';

/** Runs "$@" after bringing up loopback; "$@" keeps every argument intact, with no shell quoting. */
const INSIDE = 'ip link set lo up && exec "$@"';

/**
 * The `unshare` flags that make a namespace with a working loopback here, or null (needs root, or
 * unprivileged user namespaces, and util-linux's unshare and iproute2's ip).
 * @returns {string | null}
 */
export function namespaceFlags() {
  const candidates = process.getuid?.() === 0 ? ['-n', '-rn'] : ['-rn'];
  for (const flags of candidates) {
    const probe = spawnSync('unshare', [flags, 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
    if (probe.error === undefined && probe.status === 0) return flags;
  }
  return null;
}

/**
 * @param {string | null} flags from namespaceFlags()
 * @param {string} command
 * @param {readonly string[]} args
 * @returns {{ command: string, args: string[] }} the command, wrapped to run inside a new namespace when possible
 */
export function insideNamespace(flags, command, args) {
  if (flags === null) return { command, args: [...args] };
  return { command: 'unshare', args: [flags, 'sh', '-c', INSIDE, 'sh', command, ...args] };
}
