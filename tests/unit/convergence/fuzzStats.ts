// What a fuzz run actually exercised, so the tests can check the fuzz reaches the interesting cases.

export interface FuzzStats {
  ops: number;
  messages: number;
  deliveries: number;
  duplicates: number;
  drops: number;
  reconnects: number;
  partitions: number;
  files: number;
  fileImports: number;
  /** Times a delivery or file left a replica with pending structs or deletes (updates ahead of their deps). */
  pendingSeen: number;
  /** Rounds the final file exchange needed before applying files changed nothing more (0: no file heal). */
  fileRounds: number;
}

export function emptyFuzzStats(): FuzzStats {
  return { ops: 0, messages: 0, deliveries: 0, duplicates: 0, drops: 0, reconnects: 0, partitions: 0, files: 0, fileImports: 0, pendingSeen: 0, fileRounds: 0 };
}
