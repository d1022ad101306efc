// Predicts from clocks alone what Y.applyUpdate does with an update's structs in a copy: what it integrates, what it leaves waiting.
import * as Y from 'yjs';
import { ensureYjsInternals } from '../core/yjsInternals';
import type { Struct } from './updateOutline';

export interface IntegrationForecast {
  /** The copy's state vector once the update is applied. */
  state: Map<number, number>;
  /** What Yjs would keep waiting for (`pendingMissing` in core/yjsInternals.ts): per client, the clock it lacks. Empty if nothing. */
  missing: Map<number, number>;
}

type Refs = { i: number; refs: Struct[] };
type Clock = (client: number) => number;

/** The client an item waits for, as `Item.getMissing` decides it. */
function waitsFor(item: Y.Item, clockOf: Clock): number | null {
  const own = item.id.client;
  for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
    if (ref !== null && ref.client !== own && ref.clock >= clockOf(ref.client)) return ref.client;
  }
  return null;
}

/** Yjs looks up every reference once nothing is missing, and throws for one past its own client's state. */
function checkReferences(item: Y.Item, clockOf: Clock): void {
  for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
    if (ref !== null && ref.clock >= clockOf(ref.client)) {
      throw new Error(`item ${item.id.client}:${item.id.clock} refers to ${ref.client}:${ref.clock}, which comes after it`);
    }
  }
}

/** One run of Yjs's `integrateStructs`, on clocks only. */
function integratePass(byClient: Map<number, Struct[]>, state: Map<number, number>) {
  const clientRefs = new Map<number, Refs>([...byClient].map(([client, refs]) => [client, { i: 0, refs }]));
  const rest = new Map<number, Struct[]>();
  const missing = new Map<number, number>();
  let integrated = 0;
  const clockOf: Clock = (client) => state.get(client) ?? 0;
  let ids = [...clientRefs.keys()].toSorted((a, b) => a - b);
  const nextTarget = (): Refs | null => {
    while (ids.length > 0) {
      const target = clientRefs.get(ids.at(-1) as number);
      if (target !== undefined && target.i < target.refs.length) return target;
      ids.pop();
    }
    return null;
  };
  const markMissing = (client: number, clock: number) => {
    const known = missing.get(client);
    if (known === undefined || known > clock) missing.set(client, clock);
  };
  const stack: Struct[] = [];
  const stackToRest = () => {
    for (const struct of stack) {
      const client = struct.id.client;
      const refs = clientRefs.get(client);
      if (refs !== undefined) {
        refs.i--;
        rest.set(client, refs.refs.slice(refs.i));
        clientRefs.delete(client);
        refs.i = 0;
        refs.refs = [];
      } else {
        rest.set(client, [struct]);
      }
      ids = ids.filter((c) => c !== client);
    }
    stack.length = 0;
  };

  let target = nextTarget();
  if (target === null) return { rest, missing, integrated };
  let head = target.refs[target.i++] as Struct;
  for (;;) {
    if (!(head instanceof Y.Skip)) {
      const offset = clockOf(head.id.client) - head.id.clock;
      if (offset < 0) {
        stack.push(head);
        markMissing(head.id.client, head.id.clock - 1);
        stackToRest();
      } else {
        const dependency = head instanceof Y.Item ? waitsFor(head, clockOf) : null;
        if (dependency !== null) {
          stack.push(head);
          const refs = clientRefs.get(dependency) ?? { i: 0, refs: [] };
          if (refs.i === refs.refs.length) {
            markMissing(dependency, clockOf(dependency));
            stackToRest();
          } else {
            head = refs.refs[refs.i++] as Struct;
            continue;
          }
        } else {
          if (head instanceof Y.Item) checkReferences(head, clockOf);
          if (offset === 0 || offset < head.length) {
            state.set(head.id.client, head.id.clock + head.length);
            integrated++;
          }
        }
      }
    }
    const popped = stack.pop();
    if (popped !== undefined) {
      head = popped;
    } else if (target !== null && target.i < target.refs.length) {
      head = target.refs[target.i++] as Struct;
    } else {
      target = nextTarget();
      if (target === null) break;
      head = target.refs[target.i++] as Struct;
    }
  }
  return { rest, missing, integrated };
}

/**
 * `structs`: an update's structs per client in clock order; `start`: the copy's state vector. Mirrors
 * `integrateStructs` and the retry of `readUpdateV2` (yjs 13.6); throws where applying would throw. The Yjs version and
 * the waiting rules mirrored here are fenced in core/yjsInternals.ts: if Yjs no longer waits as fenced, this throws, and callers refuse.
 */
export function predictIntegration(structs: Map<number, Struct[]>, start: Map<number, number>): IntegrationForecast {
  ensureYjsInternals();
  const state = new Map(start);
  let waiting = structs;
  for (;;) {
    const pass = integratePass(waiting, state);
    if (pass.rest.size === 0) return { state, missing: new Map() };
    const retry = [...pass.missing].some(([client, clock]) => clock < (state.get(client) ?? 0));
    if (!retry || pass.integrated === 0) return { state, missing: pass.missing };
    waiting = pass.rest;
  }
}
