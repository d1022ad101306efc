// Two private networks behind NAT for browser tests: namespaces held by processes, veths, routes, nft masquerade, cleanup.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readlink } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The test's own network namespace plays the internet: the app server listens on this public-looking address
 * (TEST-NET-3), held on its loopback, and each router reaches it over a point-to-point link.
 */
export const INTERNET_ADDRESS = '203.0.113.1';

export type SiteName = 'kommune' | 'leverandor';

/** One organisation: a client namespace on a private LAN, masqueraded behind a router namespace. */
export interface Site {
  readonly name: SiteName;
  /** The client's address on its LAN (what its host ICE candidates name). */
  readonly lanAddress: string;
  /** The router's WAN address: what the internet sees the client as. */
  readonly publicAddress: string;
  /** A process holding the client's namespace: enter it with nsenter --net=/proc/<pid>/ns/net. */
  readonly clientPid: number;
  readonly routerPid: number;
}

export interface NatNetwork {
  readonly kommune: Site;
  readonly leverandor: Site;
  /** Runs a command inside a namespace held by `pid` and returns its stdout. */
  exec(pid: number, command: string, args: readonly string[]): Promise<string>;
  /** Removes everything this network added; safe to call twice and after a half-done build. */
  close(): Promise<void>;
}

interface SitePlan {
  name: SiteName;
  /** The interface in the internet namespace (at most 15 characters). */
  uplink: string;
  internetSide: string;
  wan: string;
  lanPrefix: string;
}

const PLANS: readonly SitePlan[] = [
  { name: 'kommune', uplink: 'wan-kommune', internetSide: '198.51.100.1', wan: '198.51.100.2', lanPrefix: '10.1.0' },
  { name: 'leverandor', uplink: 'wan-leverandor', internetSide: '198.51.100.5', wan: '198.51.100.6', lanPrefix: '10.2.0' },
];

/**
 * A home or office router: LAN to WAN masqueraded, replies let back in, nothing else forwarded (no port forwarding,
 * so nothing from the internet reaches the LAN unasked).
 */
const ROUTER_RULES = `
table ip nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "wan" masquerade
  }
}
table ip filter {
  chain forward {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    iifname "lan" oifname "wan" accept
  }
}
`;

async function command(file: string, args: readonly string[], input?: string): Promise<string> {
  try {
    if (input === undefined) return (await run(file, [...args])).stdout;
    return await new Promise<string>((resolve, reject) => {
      const child = execFile(file, [...args], (error, stdout) => (error ? reject(error) : resolve(stdout)));
      child.stdin?.end(input);
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`natNetwork: ${file} ${args.join(' ')} failed: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

function inside(pid: number, file: string, args: readonly string[], input?: string): Promise<string> {
  return command('nsenter', [`--net=/proc/${pid}/ns/net`, '--', file, ...args], input);
}

/**
 * A new, empty network namespace held by `cat` reading a pipe from this process: it ends when we close the pipe, or
 * when this process dies, so a crashed test leaves no namespace behind.
 */
async function holdNamespace(): Promise<ChildProcess & { pid: number }> {
  const child = spawn('unshare', ['--net', '--', 'cat'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () => resolve());
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('natNetwork: unshare did not start');
  // `cat` runs once unshare has exec'd it: until then /proc/<pid>/ns/net is still this namespace.
  const own = await readlink('/proc/self/ns/net');
  for (let i = 0; i < 500; i++) {
    if (child.exitCode !== null) throw new Error(`natNetwork: unshare --net failed: ${stderr.trim()}`);
    const theirs = await readlink(`/proc/${pid}/ns/net`).catch(() => own);
    if (theirs !== own) return child as ChildProcess & { pid: number };
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  throw new Error('natNetwork: the new namespace did not appear');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  child.kill('SIGKILL');
  await exited;
}

/**
 * Builds, inside the test's own (private) network namespace:
 *
 *   kommune client 10.1.0.2 ── lan|router 10.1.0.1, wan 198.51.100.2 ──┐
 *                                                                      ├── internet: 203.0.113.1 (the app server)
 *   leverandør client 10.2.0.2 ── lan|router 10.2.0.1, wan 198.51.100.6 ┘
 *
 * Each router masquerades its LAN behind its WAN address; the internet has no route to 10.1/10.2 and forwards nothing,
 * so the two LANs cannot reach each other, only the server. Refuses to run outside scripts/e2e.mjs' private namespace.
 */
export async function buildNatNetwork(): Promise<NatNetwork> {
  if (process.env.REFERAT_E2E_NETNS !== 'private') {
    throw new Error('natNetwork: needs the private network namespace of scripts/e2e.mjs (REFERAT_E2E_NETNS=private); it never changes the host network');
  }
  const holders: ChildProcess[] = [];
  const uplinks: string[] = [];
  let addressAdded = false;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Deleting a veth end deletes its peer; killing the holders frees the namespaces (and their nft tables).
    for (const uplink of uplinks) await command('ip', ['link', 'del', uplink]).catch(() => undefined);
    for (const holder of holders) await stop(holder);
    if (addressAdded) await command('ip', ['addr', 'del', `${INTERNET_ADDRESS}/32`, 'dev', 'lo']).catch(() => undefined);
  };

  const buildSite = async (plan: SitePlan): Promise<Site> => {
    const router = await holdNamespace();
    holders.push(router);
    const client = await holdNamespace();
    holders.push(client);
    const r = (...args: string[]) => inside(router.pid, 'ip', args);
    const c = (...args: string[]) => inside(client.pid, 'ip', args);

    // WAN: a point-to-point link from the internet to the router.
    await command('ip', ['link', 'del', plan.uplink]).catch(() => undefined);
    await command('ip', ['link', 'add', plan.uplink, 'type', 'veth', 'peer', 'name', 'wan', 'netns', String(router.pid)]);
    uplinks.push(plan.uplink);
    await command('ip', ['addr', 'add', `${plan.internetSide}/30`, 'dev', plan.uplink]);
    await command('ip', ['link', 'set', plan.uplink, 'up']);
    await r('link', 'set', 'lo', 'up');
    await r('addr', 'add', `${plan.wan}/30`, 'dev', 'wan');
    await r('link', 'set', 'wan', 'up');
    await r('route', 'add', 'default', 'via', plan.internetSide);

    // LAN: the router and its one client.
    await r('link', 'add', 'lan', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', String(client.pid));
    await r('addr', 'add', `${plan.lanPrefix}.1/24`, 'dev', 'lan');
    await r('link', 'set', 'lan', 'up');
    // Per namespace; through /proc rather than sysctl(8), which a minimal system may lack.
    await inside(router.pid, 'sh', ['-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward']);
    await inside(router.pid, 'nft', ['-f', '-'], ROUTER_RULES);
    await c('link', 'set', 'lo', 'up');
    await c('addr', 'add', `${plan.lanPrefix}.2/24`, 'dev', 'eth0');
    await c('link', 'set', 'eth0', 'up');
    await c('route', 'add', 'default', 'via', `${plan.lanPrefix}.1`);
    return { name: plan.name, lanAddress: `${plan.lanPrefix}.2`, publicAddress: plan.wan, clientPid: client.pid, routerPid: router.pid };
  };

  try {
    await command('ip', ['link', 'set', 'lo', 'up']);
    await command('ip', ['addr', 'replace', `${INTERNET_ADDRESS}/32`, 'dev', 'lo']);
    addressAdded = true;
    const [kommunePlan, leverandorPlan] = PLANS as [SitePlan, SitePlan];
    const kommune = await buildSite(kommunePlan);
    const leverandor = await buildSite(leverandorPlan);
    return { kommune, leverandor, exec: (pid, file, args) => inside(pid, file, args), close };
  } catch (error) {
    await close();
    throw error;
  }
}
