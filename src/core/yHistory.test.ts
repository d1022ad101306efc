import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { historicMapEntries, historicValues, lastValue } from './yHistory';

describe('yHistory', () => {
  it('lists deleted array entries and the earlier values of a key, with their authors', () => {
    const a = new Y.Doc({ gc: false });
    a.clientID = 1;
    const arr = a.getArray<Y.Map<unknown>>('participants');
    const m = new Y.Map<unknown>();
    arr.push([m]);
    m.set('organisation', 'Holstebro Kommune');
    m.set('present', true);
    const b = new Y.Doc({ gc: false });
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const mb = b.getArray<Y.Map<unknown>>('participants').get(0);
    mb.set('organisation', 'Andet');
    mb.set('present', false);
    b.getArray('participants').delete(0, 1);
    const entries = historicMapEntries(b.getArray('participants'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ deleted: true, client: 1 });
    const orgs = historicValues(entries[0]!.map, 'organisation');
    expect(orgs.map((v) => [v.value, v.client, v.overwritten])).toEqual([
      ['Holstebro Kommune', 1, true],
      ['Andet', 2, true],
    ]);
    expect(lastValue(entries[0]!.map, 'present')).toBe(false);
    expect(b.getArray('participants').length).toBe(0);
  });

  it('reads live values as not overwritten', () => {
    const d = new Y.Doc({ gc: false });
    const m = d.getMap('meta');
    m.set('x', 'a');
    m.set('x', 'b');
    expect(historicValues(m, 'x').map((v) => [v.value, v.overwritten])).toEqual([['a', true], ['b', false]]);
  });
});
