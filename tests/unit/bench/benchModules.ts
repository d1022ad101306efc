// Loads the bench's plain-JS helpers (bench/*.mjs) for unit tests. bench/ belongs to tsconfig.node.json, so the
// test project may not import it statically (TS6307); the shapes used by the tests are declared here instead.
import * as Y from 'yjs';

export type Patch = [number, number, string];
export interface Trace {
  name: string;
  generated: boolean;
  startContent: string;
  endContent: string;
  txns: Array<{ time?: string; patches: Patch[] }>;
}
export interface TextTarget {
  insert(index: number, text: string): void;
  delete(index: number, length: number): void;
}

export interface StatsModule {
  median(xs: readonly number[]): number;
  percentile(xs: readonly number[], p: number): number;
  p95(xs: readonly number[]): number;
  ratio(app: number, floor: number): number | null;
  summarize(xs: readonly number[]): { n: number; p50: number; p95: number; min: number; max: number };
}

export interface ReplayModule {
  replay(trace: { txns: Trace['txns'] }, target: TextTarget, transact: (fn: () => void) => void, range?: { from?: number; to?: number }): void;
  replayToString(trace: { startContent: string; txns: Trace['txns'] }): string;
}

export interface TracesModule {
  TRACE_NAMES: readonly string[];
  traceAvailable(name: string): boolean;
  loadTrace(name: string): Trace;
  generatedTrace(label: string, options?: { seed?: number; txns?: number }): Trace;
}

export interface FixtureModule {
  plainText(text: Y.Text): string;
}

export interface SearchQueriesModule {
  benchQueries(options?: { count?: number; seed?: number }): Array<{ text: string; kind: string }>;
}

export interface LinearScanModule {
  linearScan(texts: readonly string[], fold: (text: string) => string): { size: number; count(query: string): number };
}

export interface MiniSearchArmModule {
  miniSearchArm<R extends { id: string }>(
    rows: readonly R[],
    app: {
      SEARCH_FIELDS: readonly string[];
      SEARCH_FIELD_WEIGHTS: Readonly<Record<string, number>>;
      searchFieldTexts(entry: R, field: string): string[];
      searchTerms(text: string): string[];
      parseSearchQuery(query: string): Array<{ term: string; prefixes: string[] }>;
      searchSnippet(texts: readonly string[], query: ReadonlyArray<{ term: string; prefixes: string[] }>): { text: string; ranges: Array<{ start: number; end: number }> } | null;
    },
  ): {
    size: number;
    termCount: number;
    search(
      query: string,
      filters?: { excludeIds?: ReadonlySet<string> },
      options?: { limit?: number; snippets?: boolean },
    ): { total: number; hits: Array<{ id: string; fields: string[]; snippet: { text: string; ranges: Array<{ start: number; end: number }>; field: string } | null }> };
  };
  miniSearchVersion(): string;
}

export type KeyAction =
  | { kind: 'caret'; from: number; to: number; pmFrom: number; pmTo: number }
  | { kind: 'key'; key: string; char: string }
  | { kind: 'paste'; at: number; pmAt: number; text: string };

export interface TraceKeysModule {
  traceKeyActions(txns: Trace['txns'], state: { text: string; caret: number }, from: number, to: number): KeyAction[];
  keySafe(ch: string): string;
  keySafeText(text: string): string;
  pmPosition(text: string, i: number, base: number): number;
}

export interface CpuProfileModule {
  selfTimes(
    profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>; samples: number[]; timeDeltas: number[] },
    top: number,
  ): { totalMs: number; top: Array<{ name: string; ms: number; share: number }> };
}

function load<T>(file: string): Promise<T> {
  return import(/* @vite-ignore */ new URL(`../../../bench/${file}`, import.meta.url).href) as Promise<T>;
}

export const stats = (): Promise<StatsModule> => load('stats.mjs');
export const replayModule = (): Promise<ReplayModule> => load('replay.mjs');
export const traces = (): Promise<TracesModule> => load('traces.mjs');
export const fixture = (): Promise<FixtureModule> => load('referatFixture.mjs');
export const searchQueries = (): Promise<SearchQueriesModule> => load('searchQueries.mjs');
export const linearScanModule = (): Promise<LinearScanModule> => load('linearScan.mjs');
export const miniSearchArmModule = (): Promise<MiniSearchArmModule> => load('miniSearchArm.mjs');
export const traceKeysModule = (): Promise<TraceKeysModule> => load('traceKeys.mjs');
export const cpuProfile = (): Promise<CpuProfileModule> => load('cpuProfile.mjs');
