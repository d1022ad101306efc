// The reduction of a CPU profile to the functions with the most self time, on a profile whose answer is known.
import { describe, expect, it } from 'vitest';
import { cpuProfile } from './benchModules';

const { selfTimes } = await cpuProfile();
const frame = (functionName: string, url = 'http://127.0.0.1:1/assets/app-x.js', lineNumber = 0, columnNumber = 9) => ({ functionName, url, lineNumber, columnNumber });

describe('CPU profile self times', () => {
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('walk') },
      { id: 4, callFrame: frame('') },
      { id: 5, callFrame: frame('(garbage collector)', '') },
    ],
    // Each sample lasts until the next one: timeDeltas[i + 1] microseconds.
    samples: [3, 3, 4, 2, 5, 3],
    timeDeltas: [0, 1000, 1000, 2000, 5000, 500, 0],
  };

  it('sums the time of each function, names it with file and position, leaves idle time out', () => {
    const r = selfTimes(profile, 5);
    expect(r.totalMs).toBeCloseTo(4.5, 9);
    expect(r.top.map((f) => [f.name, f.ms])).toEqual([
      ['walk (app-x.js:1:10)', 2],
      ['(anonymous) (app-x.js:1:10)', 2],
      ['(garbage collector)', 0.5],
    ]);
    expect(r.top[0]?.share).toBeCloseTo(2 / 4.5, 9);
  });

  it('keeps only the top functions', () => {
    expect(selfTimes(profile, 1).top).toHaveLength(1);
  });
});
