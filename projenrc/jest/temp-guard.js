// The jest globalSetup and globalTeardown of every package (see `jestOptions` in
// projenrc/packages.ts): a test run must leave nothing in the OS temp folder.
//
// Before the run, the setup records the listing of os.tmpdir() and points TMPDIR at a fresh
// folder of this run's own, `<tmp>/bottlerocket-eks-run-XXXXXX`, so that
// everything the tests create with os.tmpdir() lands there: their own temp folders (named
// `bottlerocket-eks-test-*`), the `cdk.out*` folders aws-cdk-lib makes for an App without an
// outdir, projen's `projen.*` test folders, and what the processes they start write. Other
// processes on the machine (other test runs included) keep the shared folder, so nothing
// they create concurrently can be taken for ours.
//
// After the run, the teardown fails it, naming each entry and its size, when
//   - anything of a test is left in the run's folder (a tool's own cache, such as tsx's
//     `tsx-<uid>`, is only listed), or
//   - a new `bottlerocket-eks-test-*` entry appeared in the OS temp folder itself (something
//     bypassed TMPDIR);
// and it removes the run's folder in any case, so a failing or crashed test leaves nothing.
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Every temp folder the tests create starts with this (the tests' helper, temp-dir.js, uses it). */
const TEST_PREFIX = require('./temp-dir.js').TEMP_PREFIX;
/**
 * The folder of one run: not a test's name, so concurrent runs never take each other's for
 * new; short, as sockets tools put in os.tmpdir() must fit in 104 characters (macOS's TMPDIR
 * alone takes 48).
 */
const RUN_PREFIX = 'bottlerocket-eks-run-';
/** Caches tools create in os.tmpdir() once and reuse (not a test's to remove). */
const TOOL_CACHES = [/^tsx-\d+$/, /^jiti$/, /^node-compile-cache$/, /^v8-compile-cache(-\d+)?$/];

const state = globalThis.__bottlerocketEksTempGuard ??= {};

/** Bytes under `file` (not following links); 0 when it is gone. */
function size(file) {
  let stat;
  try { stat = fs.lstatSync(file); } catch { return 0; }
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  try {
    for (const child of fs.readdirSync(file)) total += size(path.join(file, child));
  } catch { /* unreadable: count what we saw */ }
  return total;
}

function human(bytes) {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
  return `${bytes.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

function entry(dir, name) {
  return `  ${path.join(dir, name)} (${human(size(path.join(dir, name)))})`;
}

/** globalSetup: record the OS temp folder and give the run a temp folder of its own. */
async function setup() {
  const sharedTmp = os.tmpdir();
  state.previousTmpdir = process.env.TMPDIR;
  state.sharedTmp = sharedTmp;
  state.before = new Set(fs.readdirSync(sharedTmp));
  state.runDir = fs.mkdtempSync(path.join(sharedTmp, RUN_PREFIX));
  // Test workers start after this and inherit it; in-band tests run in this very process.
  process.env.TMPDIR = state.runDir;
}

/** globalTeardown: fail the run for anything it left in the temp folder, then remove the run's folder. */
async function teardown() {
  const { runDir, sharedTmp, before } = state;
  if (!runDir) return;
  if (state.previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = state.previousTmpdir;
  state.runDir = undefined;

  const left = fs.existsSync(runDir) ? fs.readdirSync(runDir).sort() : [];
  const leaks = left.filter((name) => !TOOL_CACHES.some((re) => re.test(name))).map((name) => entry(runDir, name));
  const caches = left.filter((name) => TOOL_CACHES.some((re) => re.test(name))).map((name) => entry(runDir, name));
  const escaped = fs.readdirSync(sharedTmp)
    .filter((name) => !before.has(name) && name.startsWith(TEST_PREFIX))
    .sort()
    .map((name) => entry(sharedTmp, name));
  fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });

  if (caches.length > 0 && process.env.BOTTLEROCKET_EKS_TEMP_GUARD_VERBOSE) {
    console.log(`Tool caches the run created in its temp folder (removed with it):\n${caches.join('\n')}`);
  }
  const problems = [];
  if (leaks.length > 0) {
    problems.push('The tests left these in the temp folder (removed now; each test must remove what it creates, '
      + `also when it fails; give every CDK App an outdir):\n${leaks.join('\n')}`);
  }
  if (escaped.length > 0) {
    problems.push(`New entries of the tests in ${sharedTmp}, outside the run's temp folder (not removed):\n${escaped.join('\n')}`);
  }
  if (problems.length > 0) {
    const error = new Error(`Temp folder check failed.\n${problems.join('\n')}`);
    error.stack = error.message; // where in this file it was found says nothing
    throw error;
  }
}

module.exports = { setup, teardown, TEST_PREFIX, RUN_PREFIX };
