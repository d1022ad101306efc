import { describe, expect, it } from 'vitest';
import { guardedPath, leaveHeld, setLeaveGuard } from './leaveGuard';

describe('leave guard', () => {
  it('holds only a navigation to another path, hands over the way to go on, and is gone once removed', () => {
    const asked: string[] = [];
    let proceed: (() => void) | null = null;
    const remove = setLeaveGuard({
      path: '/r/abc',
      hold(go) {
        asked.push('asked');
        proceed = go;
        return true;
      },
    });
    expect(guardedPath()).toBe('/r/abc');
    expect(leaveHeld('/r/abc', () => undefined)).toBe(false);
    const went: string[] = [];
    expect(leaveHeld('/', () => went.push('/'))).toBe(true);
    expect(asked).toEqual(['asked']);
    expect(went).toEqual([]);
    (proceed as unknown as () => void)();
    expect(went).toEqual(['/']);
    remove();
    expect(guardedPath()).toBeNull();
    expect(leaveHeld('/', () => undefined)).toBe(false);
  });

  it('a guard removed late does not remove the one installed after it', () => {
    const removeFirst = setLeaveGuard({ path: '/r/a', hold: () => true });
    const removeSecond = setLeaveGuard({ path: '/r/b', hold: () => true });
    removeFirst();
    expect(guardedPath()).toBe('/r/b');
    removeSecond();
    expect(guardedPath()).toBeNull();
  });
});
