// The machine a run measured: CPU, cores, memory, load, Node and Chromium versions.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * @typedef {object} Machine
 * @property {string} cpu
 * @property {number} cores logical cores
 * @property {number} memoryBytes
 * @property {string} os
 * @property {string} node
 * @property {string} chromium version, or why it is unknown
 * @property {number[]} loadBefore 1, 5 and 15 minute load averages when the run started
 */

/** @returns {string} */
export function chromiumVersion() {
  const executable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const out = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (out.error) return `unknown (${executable}: ${out.error.message})`;
  const m = /Chromium\s+([\d.]+)/.exec(`${out.stdout}\n${out.stderr}`);
  return m?.[1] ?? 'unknown';
}

/** @returns {Machine} */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: chromiumVersion(),
    loadBefore: os.loadavg(),
  };
}
