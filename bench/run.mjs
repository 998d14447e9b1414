#!/usr/bin/env node
// The benchmark suite (issue 7): the product's figures against baselines measured in the
// same run, medians of N runs, written to docs/benchmarks.md. Usage: see --help.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { diagnostics, figures } from './lib/figures.mjs';
import { fixtureDrift, installedVersions, machineInfo, pinnedVersions } from './lib/machine.mjs';
import { Runner } from './lib/measure.mjs';
import { GNU_TIME, hasGnuTime } from './lib/peak.mjs';
import {
  installFixture, measureBuilds, measureNxSynth, measureProjen, measureScaffolds, measureSynth, measureTeamBuild, measureWhatIfs,
} from './lib/phases.mjs';
import { readProductTest } from './lib/product-test.mjs';
import { sourceInfo } from './lib/product.mjs';
import { fullReport, oneRunLine, resultsTable, summaryLine } from './lib/report.mjs';
import { installFootprint, taskCommands } from './lib/scaffold.mjs';
import { memoryMethod, teamSynthArgv } from './lib/synth.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = path.join(ROOT, 'bench', 'fixtures');
const VERSION_NAMES = ['projen', 'aws-cdk-lib', 'aws-cdk', 'constructs', 'tsx', 'typescript', 'nx',
  '@aws-cdk/lambda-layer-kubectl-v35', 'bottlerocket-eks-stacks', 'projen-bottlerocket-eks'];

const HELP = `Usage: node bench/run.mjs [--runs N] [--quick] [--worktree] [--out FILE] [--no-write] [--keep]
                         [--product-test-seconds N --product-test-command CMD | --product-test-file FILE]

  --runs N     runs of every figure, medians reported (default 5, or $BENCH_RUNS)
  --quick      1 run, and docs/benchmarks.md is left alone unless --out is given
  --worktree   measure the work tree with its uncommitted changes (default: the HEAD commit)
  --out FILE   where to write the report (default docs/benchmarks.md)
  --no-write   print the table only
  --keep       keep the temporary folders (printed at the end)

  The product's clean \`npm ci && npm test\` is too long to run here: time it once on a fresh
  clone and pass the one run in, reported as such (not a median):
  --product-test-seconds N     its wall time: seconds (707), or 11m47s, or 11:47
  --product-test-command CMD   the command that gave it (default "npm ci && npm test")
  --product-test-note TEXT     where and when, e.g. "fresh clone of 2c8fd1f, 2 cores"
  --product-test-file FILE     or all three from a JSON file: {"seconds": 707, "command": "...", "note": "..."}

Needs the root's node_modules (npm ci at the root) and the npm registry, or a warm npm cache.`;

const { values: opts } = parseArgs({
  options: {
    'runs': { type: 'string' },
    'quick': { type: 'boolean' },
    'worktree': { type: 'boolean' },
    'out': { type: 'string' },
    'no-write': { type: 'boolean' },
    'keep': { type: 'boolean' },
    'help': { type: 'boolean', short: 'h' },
    'product-test-seconds': { type: 'string' },
    'product-test-command': { type: 'string' },
    'product-test-note': { type: 'string' },
    'product-test-file': { type: 'string' },
  },
});
if (opts.help) {
  console.log(HELP);
  process.exit(0);
}
const runs = opts.quick ? 1 : Number(opts.runs ?? process.env.BENCH_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number from 1, got ${opts.runs ?? process.env.BENCH_RUNS}`);
  process.exit(2);
}
// Checked before anything runs: the build's peak memory has no other reliable source.
if (!hasGnuTime()) {
  console.error(`${GNU_TIME} (GNU time) is needed: the peak memory of \`npx projen build\` includes the native TypeScript compiler, which only wait4() reports (Debian/Ubuntu: apt-get install time)`);
  process.exit(2);
}
let productTest;
try {
  productTest = readProductTest(opts);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
// A quick run is for trying the suite out: it does not replace the committed results.
const outFile = opts['no-write'] || (opts.quick && !opts.out) ? null : path.resolve(opts.out ?? path.join(ROOT, 'docs', 'benchmarks.md'));

const started = performance.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bottlerocket-eks-bench-'));
const log = path.join(tmp, 'commands.log');
// What the measured commands leave in the OS temp folder (the baseline's tests write
// cdk.out folders there) goes with the bench's own folder.
const childTmp = path.join(tmp, 'tmp');
fs.mkdirSync(childTmp);
process.env.TMPDIR = childTmp;
const cleanup = () => {
  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  main();
} catch (error) {
  console.error(`\nbench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  cleanup();
  if (opts.keep) console.error(`Temporary folders kept in ${tmp} (command output in ${log})`);
}

/**
 * The environment of every measured command: no AWS credentials (synth needs none, and no
 * SDK may probe the instance metadata endpoint), no CLI telemetry or version checks, no npm
 * audit, and no node_modules/.bin of this repository leaking in when run through `npm run`.
 */
function benchEnv(dir) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(AWS_|CDK_|npm_lifecycle_|npm_package_)/.test(key) || key === 'INIT_CWD' || key === 'NX_SKIP_NX_CACHE') delete env[key];
  }
  env.PATH = env.PATH.split(path.delimiter).filter((p) => !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(p)).join(path.delimiter);
  return {
    ...env,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    CDK_DISABLE_VERSION_CHECK: 'true',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // Both sides install from the npm cache the untimed first scaffolds warmed, without asking
    // the registry whether each package's metadata changed meanwhile (the e2e helper the team
    // side runs through sets the same for itself).
    npm_config_prefer_offline: 'true',
  };
}

function main() {
  const progress = (message) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const warmups = [];
  const runner = new Runner({ log, env: benchEnv(tmp) });
  const ctx = {
    runner,
    runs,
    tmp,
    progress,
    warmup: (name, fn) => {
      const seconds = fn();
      warmups.push({ name, seconds });
      progress(`warm-up ${name}: ${seconds.toFixed(2)}`);
    },
  };
  progress(`${runs} run(s); temp folder ${tmp}; command output in ${log}`);
  const source = sourceInfo(ROOT, !!opts.worktree);
  const machine = machineInfo(runner);
  const loadAtStart = os.loadavg()[0];

  const { builds, productDir, tarballs, scaffoldJs } = measureBuilds(ctx, ROOT, source);
  const pinned = pinnedVersions(productDir);
  const fixture = installFixture(ctx, path.join(FIXTURES, 'l2-eks'));
  const projenBin = path.join(ROOT, 'node_modules', 'projen', 'bin', 'projen');
  const { team, plain, samples: scaffolds } = measureScaffolds(ctx, { scaffoldJs, tarballs, projenBin, pinned });
  const { projen, projenrc } = measureProjen(ctx, { team, plain });
  const teamBuild = measureTeamBuild(ctx, { team, plain });
  const { apps, synth, memory, validated } = measureSynth(ctx, { team, fixture });
  const whatIf = measureWhatIfs(ctx, { team, fixture, apps });
  const nxSynth = measureNxSynth(ctx, team);

  const results = {
    builds,
    scaffolds,
    projen,
    projenrc,
    teamBuild,
    apps,
    synth,
    memory,
    validated,
    whatIf,
    nxSynth,
    productTest,
    footprint: { team: installFootprint(team), plain: installFootprint(plain) },
  };
  const figureRows = figures(results);
  const report = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    runs,
    source,
    pinned,
    warmups,
    versionNames: VERSION_NAMES,
    machine: { ...machine, load: [loadAtStart, os.loadavg()[0]] },
    figures: figureRows,
    diagnostics: diagnostics(results),
    installed: {
      team: installedVersions(team, VERSION_NAMES),
      baseline: installedVersions(plain, VERSION_NAMES),
      fixture: installedVersions(fixture, VERSION_NAMES),
    },
    drift: fixtureDrift(path.join(FIXTURES, 'l2-eks'), pinned),
    memoryMethod: memoryMethod(),
    buildMemoryMethod: `${GNU_TIME} -f '%e %M' npx projen build`,
    commands: {
      teamSynth: teamSynthArgv(team).join(' '), teamBuild: taskCommands(team, 'build'), plainBuild: taskCommands(plain, 'build'),
    },
    totalSeconds: (performance.now() - started) / 1000,
  };

  console.log(`\n${summaryLine(figureRows)}\n\n${resultsTable(figureRows)}\n\n${oneRunLine(figureRows)}\n`);
  if (outFile) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, fullReport(report));
    console.log(`Written to ${path.relative(process.cwd(), outFile) || outFile}`);
  }
}
