// A Web Lock held for the life of one open session, so another tab can tell a live session's marks from a killed one's.
// Without Web Locks (unit tests, old browsers) no session counts as live.
const PREFIX = 'referat-session:';

export interface SessionLock {
  /** Resolves once the lock is held (at once without Web Locks). */
  held: Promise<void>;
  release(): void;
}

function locks(): LockManager | undefined {
  return (globalThis.navigator as Navigator | undefined)?.locks;
}

export function holdSessionLock(session: string): SessionLock {
  const manager = locks();
  let release = () => {};
  if (!manager) return { held: Promise.resolve(), release };
  const released = new Promise<void>((resolve) => (release = resolve));
  let granted = () => {};
  const held = new Promise<void>((resolve) => (granted = resolve));
  manager
    .request(`${PREFIX}${session}`, () => {
      granted();
      return released;
    })
    .catch(() => granted());
  return { held, release: () => release() };
}

/** The sessions whose lock some tab holds now. */
export async function liveSessions(): Promise<Set<string>> {
  const manager = locks();
  if (!manager) return new Set();
  try {
    const { held = [] } = await manager.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
  } catch {
    return new Set();
  }
}
