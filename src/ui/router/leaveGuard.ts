// The hook point where the page being shown can hold in-app navigation away from it (a back link, the menu, the
// browser's back button), e.g. while its changes are not on disk. One guard at a time: the page on screen.
export interface LeaveGuard {
  /** The path the guard protects: only a navigation to another path is asked about. */
  path: string;
  /** True when it holds the navigation; it then calls `proceed` itself should the user choose to leave anyway. */
  hold(proceed: () => void): boolean;
}

let current: LeaveGuard | null = null;

/** Installs a guard; returns the function that removes it. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  current = guard;
  return () => {
    if (current === guard) current = null;
  };
}

/** Asks the guard about leaving for `pathname`; true when it holds (and will call `proceed` if the user leaves). */
export function leaveHeld(pathname: string, proceed: () => void): boolean {
  const guard = current;
  if (!guard || guard.path === pathname) return false;
  return guard.hold(proceed);
}

/** The guarded path, to return to when the browser has already gone back; null when none. */
export function guardedPath(): string | null {
  return current?.path ?? null;
}
