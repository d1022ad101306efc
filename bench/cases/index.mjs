// The bench cases, in the order they run. Each module exports run(ctx) => rows (bench/rows.mjs).

/**
 * @typedef {object} CaseModule
 * @property {(ctx: import('../context.mjs').BenchContext) => Promise<import('../rows.mjs').Row[]>} run
 */

/**
 * @typedef {object} CaseEntry
 * @property {string} id lower-case, as on the command line
 * @property {string} title
 * @property {'node' | 'build' | 'browser'} kind
 * @property {boolean} needsPrivateNetwork WebRTC: only inside a private network namespace
 * @property {0 | 1} quickProcess which of a quick run's two processes runs it (they run side by side; about equal work)
 * @property {() => Promise<CaseModule>} load
 */

/** @type {readonly CaseEntry[]} */
export const CASES = [
  { id: 't1', title: 'Trace replay through the document layer', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./t1.mjs') },
  { id: 's1', title: 'Bytes stored in IndexedDB', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./s1.mjs') },
  { id: 'm1', title: 'Import of a divergent 200-page copy', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./m1.mjs') },
  { id: 'a1', title: 'Aktindsigt package of 1,000 referater', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./a1.mjs') },
  { id: 'q1', title: 'Search over 10,000 referater', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./q1.mjs') },
  { id: 'tr1', title: 'Trust check: approvals, claims, library status', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./tr1.mjs') },
  { id: 'sg1', title: 'Signalling server under a flood', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./sg1.mjs') },
  { id: 'h1', title: 'History: compare versions, the version list', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./h1.mjs') },
  { id: 'g1', title: 'Live gate per peer message', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./g1.mjs') },
  { id: 'rl1', title: 'Live edit through the relay', kind: 'node', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./rl1.mjs') },
  { id: 'rl2', title: 'Relay under a bounded load', kind: 'node', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./rl2.mjs') },
  { id: 'rl3', title: 'Catch-up through the relay after a day away', kind: 'node', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./rl3.mjs') },
  { id: 'b1', title: 'JavaScript on first load', kind: 'build', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./b1.mjs') },
  { id: 'p1', title: 'Offline cold start', kind: 'browser', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./p1.mjs') },
  { id: 'l1', title: 'Library and Opfølgning at 10,000 referater', kind: 'browser', needsPrivateNetwork: false, quickProcess: 0, load: () => import('./l1.mjs') },
  { id: 'o1', title: 'Open a 200-page referat', kind: 'browser', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./o1.mjs') },
  { id: 'c1', title: 'Main-thread pause from storage compaction', kind: 'browser', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./c1.mjs') },
  { id: 'k3', title: 'Keystroke to durable', kind: 'browser', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./k3.mjs') },
  { id: 'k1', title: 'Keystroke to next frame in a 50-page referat', kind: 'browser', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./k1.mjs') },
  { id: 'k2', title: 'Editor JavaScript per keystroke', kind: 'browser', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./k2.mjs') },
  { id: 'h2', title: 'History in the app: version list and compare', kind: 'browser', needsPrivateNetwork: false, quickProcess: 1, load: () => import('./h2.mjs') },
  { id: 'live', title: 'Live edit propagation', kind: 'browser', needsPrivateNetwork: true, quickProcess: 1, load: () => import('./live.mjs') },
];

/**
 * @param {string} id
 * @returns {CaseEntry}
 */
export function caseById(id) {
  const entry = CASES.find((c) => c.id === id.toLowerCase());
  if (!entry) throw new Error(`unknown bench case ${id}; known: ${CASES.map((c) => c.id).join(', ')}`);
  return entry;
}
