// Number formatting for progress lines, the results table and docs/BENCHMARKS.md.

/**
 * @param {number | null | undefined} ms
 * @returns {string}
 */
export function fmtMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/**
 * @param {number | null | undefined} bytes
 * @returns {string}
 */
export function fmtBytes(bytes) {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/**
 * @param {number | null | undefined} r
 * @returns {string}
 */
export function fmtRatio(r) {
  if (r === null || r === undefined || !Number.isFinite(r)) return '–';
  return `${r.toFixed(2)}×`;
}

/**
 * @param {number | null | undefined} value
 * @param {'ms' | 'bytes'} unit
 * @returns {string}
 */
export function fmtValue(value, unit) {
  return unit === 'ms' ? fmtMs(value) : fmtBytes(value);
}
