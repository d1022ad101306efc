// Runs the browser tests (vitest project "e2e") inside a private network namespace so nothing leaves loopback.
import { spawn, spawnSync } from 'node:child_process';

const VITEST = ['npx', 'vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)];
// "$@" keeps every argument intact: no shell quoting of test filters or reporter options.
const INSIDE = 'ip link set lo up && exec "$@"';

/**
 * Whether `unshare <flags>` can create a network namespace with a working loopback here.
 * @param {string} flags
 * @returns {boolean}
 */
function namespaceWorks(flags) {
  const probe = spawnSync('unshare', [flags, 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** @returns {{ command: string, args: string[], isolated: boolean }} */
function chooseCommand() {
  const isRoot = process.getuid?.() === 0;
  const candidates = isRoot ? ['-n', '-rn'] : ['-rn'];
  for (const flags of candidates) {
    if (namespaceWorks(flags)) {
      return { command: 'unshare', args: [flags, 'sh', '-c', INSIDE, 'sh', ...VITEST], isolated: true };
    }
  }
  console.warn(
    'e2e: could not create a private network namespace (needs `unshare` from util-linux and `ip` from iproute2, ' +
      'and root or unprivileged user namespaces); running the browser tests on the host network. ' +
      'WebRTC tests may fail to connect.',
  );
  const [command = 'npx', ...args] = VITEST;
  return { command, args, isolated: false };
}

const { command, args, isolated } = chooseCommand();
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, REFERAT_E2E_NETNS: isolated ? 'private' : 'host' },
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (error) => {
  console.error(`e2e: could not start ${command}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
