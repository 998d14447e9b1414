// Running commands, timing them and summarising samples. Every command's output goes to
// one log file, so the terminal shows only progress and a failure shows its own tail.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The median of a list of numbers (mean of the two middle ones for an even count). */
export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf-8' })) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds (user + system) of this process's finished children and their descendants
 * (Linux /proc/self/stat cutime + cstime; NaN elsewhere). Less sensitive than wall time to
 * other work on the machine, so reported beside it.
 */
export function childCpuSeconds() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf-8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Runs `fn` (which returns wall seconds) and adds the CPU seconds its commands used. */
export function withCpu(fn) {
  const before = childCpuSeconds();
  const seconds = fn();
  return { seconds, cpu: childCpuSeconds() - before };
}

/**
 * Writes what the file system still holds in memory to the disk (`sync`), so that the next
 * timed command does not pay for the write-back of the one before it: a scaffold writes some
 * 350 MB in 15,000 to 30,000 files. No-op where there is no `sync`.
 */
export function settleDisk() {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // not on this system
  }
}

/**
 * A command runner bound to a log file and a base environment.
 *
 * The suite removes none of the copies and repositories it makes until it ends (run.mjs removes
 * its temp folder; a synth only empties its small cdk.out). ext4 without a journal, the file
 * system of the machines it is measured on, does not hand out an inode freed in the last minutes:
 * after a repository's 15,000 to 30,000 files are deleted, every file created scans past them (a
 * kernel profile shows most of the system time in `recently_deleted`), and a measurement taken
 * then would be charged for the deletion before it.
 */
export class Runner {
  constructor({ log, env }) {
    this.log = log;
    this.env = env;
  }

  /**
   * Runs `command args` in `cwd` to completion, output appended to the log (or stdout to
   * `stdoutFile`, as `cmd > file` would). Throws with the log's tail when it fails.
   * Returns the wall-clock seconds it took.
   */
  run(cwd, command, args, { env = {}, stdoutFile } = {}) {
    const line = [command, ...args].join(' ');
    fs.appendFileSync(this.log, `\n$ (cd ${cwd} && ${line})\n`);
    const logFd = fs.openSync(this.log, 'a');
    const outFd = stdoutFile ? fs.openSync(stdoutFile, 'w') : logFd;
    const started = performance.now();
    const result = spawnSync(command, args, {
      cwd, stdio: ['ignore', outFd, logFd], env: { ...this.env, ...env },
    });
    const seconds = (performance.now() - started) / 1000;
    fs.closeSync(logFd);
    if (stdoutFile) fs.closeSync(outFd);
    if (result.error || result.status !== 0) {
      const tail = fs.readFileSync(this.log, 'utf-8').split('\n').slice(-40).join('\n');
      throw new Error(`failed (${result.error?.message ?? `exit ${result.status}`}): ${line}\n  in ${cwd}\n--- end of ${this.log} ---\n${tail}`);
    }
    return seconds;
  }

  /** Runs a command and returns its standard output (for version look-ups and the like). */
  capture(cwd, command, args) {
    const result = spawnSync(command, args, { cwd, encoding: 'utf-8', env: this.env });
    if (result.status !== 0) throw new Error(`failed: ${command} ${args.join(' ')}\n${result.stderr}`);
    return result.stdout.trim();
  }
}

/**
 * Runs `runs` rounds of two measured actions, a product one and its baseline, alternating
 * which goes first (ABBA...) so neither always gets the warmer disk cache.
 * Each action returns a number or an object of numbers; the samples are collected per key.
 */
export function pairedRounds(runs, label, product, baseline, progress) {
  const samples = { product: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['product', 'baseline'] : ['baseline', 'product'];
    for (const side of order) {
      const value = (side === 'product' ? product : baseline)(i);
      samples[side].push(value);
      progress(`${label} ${side} run ${i + 1}/${runs}: ${describe(value)}`);
    }
  }
  return samples;
}

function describe(value) {
  if (typeof value === 'number') return value.toFixed(2);
  return Object.entries(value).map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(2) : v}`).join(' ');
}

/** The samples of one key of object-valued samples. */
export function pluck(samples, key) {
  return samples.map((s) => s[key]);
}
