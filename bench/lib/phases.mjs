// The measurements, one function per phase, in the order run.mjs calls them. Each takes
// the shared context { runner, runs, tmp, progress, warmup } and returns raw samples;
// figures.mjs turns them into the report's rows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pairedRounds, pluck, settleDisk, withCpu } from './measure.mjs';
import { nativeTsc, nodeProcessPeaks, runWithPeak } from './peak.mjs';
import { coldAndWarmBuild, collectTarballs, snapshot } from './product.mjs';
import { npxProjen, scaffoldBaseline, scaffoldTeam } from './scaffold.mjs';
import { appPeak, cdkOutStats, cdkSynth, projenSynth, teamApps, teamCliAppCommand } from './synth.mjs';

/**
 * The product monorepo: a cold build, then the no-change rebuild, each run in a fresh copy
 * of the measured sources. The last copy's tarballs and scaffold helper are the ones the team
 * repositories are made from. Like every folder of the suite, the copies stay until it ends
 * (see `Runner` on why nothing is deleted between measurements).
 */
export function measureBuilds(ctx, root, source) {
  const builds = [];
  let dir;
  for (let i = 0; i < ctx.runs; i++) {
    dir = path.join(ctx.tmp, `product-${i + 1}`);
    snapshot(root, dir, source);
    builds.push(coldAndWarmBuild(ctx.runner, dir));
    ctx.progress(`nx build run ${i + 1}/${ctx.runs}: cold ${builds[i].cold.seconds.toFixed(2)}, again ${builds[i].warm.seconds.toFixed(2)}`);
  }
  return {
    builds,
    productDir: dir,
    tarballs: collectTarballs(dir, path.join(ctx.tmp, 'tarballs')),
    scaffoldJs: path.join(dir, 'packages', 'e2e', 'lib', 'scaffold.js'),
  };
}

/** The L2 fixture, installed from its lockfile in a copy (never inside the repository). */
export function installFixture(ctx, fixtureSource) {
  const dir = path.join(ctx.tmp, 'l2-eks');
  fs.cpSync(fixtureSource, dir, { recursive: true, filter: (src) => !/[\\/](node_modules|cdk\.out)$/.test(src) });
  ctx.warmup('npm ci of the L2 fixture', () => ctx.runner.run(dir, 'npm', ['ci']));
  return dir;
}

/**
 * Scaffolds, timed with their installs. The untimed first one of each side warms the npm
 * cache and is the repository the later phases use; the timed ones stay until the suite ends.
 */
export function measureScaffolds(ctx, { scaffoldJs, tarballs, projenBin, pinned }) {
  const team = (dir) => scaffoldTeam(ctx.runner, { scaffoldJs, tarballs, dir });
  const plain = (dir) => scaffoldBaseline(ctx.runner, { projenBin, versions: pinned, dir });
  const dirs = { team: path.join(ctx.tmp, 'team'), plain: path.join(ctx.tmp, 'plain') };
  ctx.warmup('team scaffold', () => team(dirs.team));
  ctx.warmup('awscdk-app-ts scaffold', () => plain(dirs.plain));
  const oneShot = (fn, dir) => {
    settleDisk();
    return withCpu(() => fn(dir));
  };
  const samples = pairedRounds(ctx.runs, 'scaffold',
    (i) => oneShot(team, path.join(ctx.tmp, `team-${i + 1}`)),
    (i) => oneShot(plain, path.join(ctx.tmp, `plain-${i + 1}`)),
    ctx.progress);
  return { ...dirs, samples };
}

/** `npx projen` on both sides, and the evaluation of .projenrc.ts alone (the default task's step). */
export function measureProjen(ctx, { team, plain }) {
  ctx.warmup('team npx projen', () => npxProjen(ctx.runner, team));
  ctx.warmup('awscdk-app-ts npx projen', () => npxProjen(ctx.runner, plain));
  const projen = pairedRounds(ctx.runs, 'npx projen', () => withCpu(() => npxProjen(ctx.runner, team)),
    () => withCpu(() => npxProjen(ctx.runner, plain)), ctx.progress);
  const projenrc = pairedRounds(ctx.runs, '.projenrc.ts alone', () => runDefaultStep(ctx.runner, team),
    () => runDefaultStep(ctx.runner, plain), ctx.progress);
  return { projen, projenrc };
}

/** Runs a project's `default` task step (the .projenrc.ts evaluation) without the projen CLI around it. */
function runDefaultStep(runner, dir) {
  const step = JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'tasks.json'), 'utf-8')).tasks.default.steps[0];
  const [bin, ...args] = step.execArgs ?? step.exec.split(' ');
  return runner.run(dir, path.join(dir, 'node_modules', '.bin', bin), args);
}

/**
 * The team's inner loop, `npx projen build` (regenerate, type-check, synth, the team's tests),
 * against the same in the plain awscdk-app-ts (its synth, jest and eslint), both under GNU time
 * for the peak memory of the largest process of each build. The untimed first build of each
 * side also lists the peak of every node process (a preload hook, which does not see the
 * native TypeScript 7 compiler: that one is measured alone).
 */
export function measureTeamBuild(ctx, { team, plain }) {
  const peakFile = path.join(ctx.tmp, 'build-peak.txt');
  const build = (dir) => {
    let rssMiB;
    const timed = withCpu(() => {
      const peak = runWithPeak(ctx.runner, dir, 'npx', ['projen', 'build'], peakFile);
      rssMiB = peak.rssMiB;
      return peak.seconds;
    });
    return { ...timed, rssMiB };
  };
  const breakdown = {};
  for (const [side, dir] of [['product', team], ['baseline', plain]]) {
    ctx.warmup(`${side === 'product' ? 'team' : 'awscdk-app-ts'} npx projen build (node processes listed)`, () => {
      const started = performance.now();
      try {
        breakdown[side] = nodeProcessPeaks(ctx.runner, dir, 'npx', ['projen', 'build'], path.join(ctx.tmp, `node-peaks-${side}.txt`));
      } catch (error) {
        // The list is a diagnostic: a build the preload upsets is warmed up without it.
        ctx.progress(`node process list of the ${side} build not measured: ${error.message.split('\n')[0]}`);
        ctx.runner.run(dir, 'npx', ['projen', 'build']);
      }
      return (performance.now() - started) / 1000;
    });
  }
  const exe = nativeTsc(team);
  breakdown.nativeTsc = exe ? runWithPeak(ctx.runner, team, exe, ['--noEmit', '-p', 'tsconfig.json'], peakFile) : undefined;
  const samples = pairedRounds(ctx.runs, 'npx projen build', () => build(team), () => build(plain), ctx.progress);
  return { ...samples, breakdown };
}

/**
 * Synth as the team runs it, `npx projen synth` (its app without the CDK CLI, writing cdk.out
 * and templates/), against `cdk synth` of the L2 fixture. Time and what it writes, then the
 * app process's peak memory, with aws-cdk-lib's validation as shipped and with it forced on.
 */
export function measureSynth(ctx, { team, fixture }) {
  const apps = teamApps(team);
  const fixtureOut = path.join(ctx.tmp, 'l2-eks.out');
  const synthTeam = () => ({
    ...withCpu(() => projenSynth(ctx.runner, team)),
    ...cdkOutStats([path.join(team, 'cdk.out')]),
  });
  const synthFixture = () => ({
    ...withCpu(() => cdkSynth(ctx.runner, fixture, fixtureOut)),
    ...cdkOutStats([path.join(fixture, 'cdk.out')]),
  });
  ctx.warmup('team npx projen synth', () => synthTeam().seconds);
  ctx.warmup('L2 fixture synth', () => synthFixture().seconds);
  const synth = pairedRounds(ctx.runs, 'synth', synthTeam, synthFixture, ctx.progress);

  const peakFile = path.join(ctx.tmp, 'peak.txt');
  const memory = pairedRounds(ctx.runs, 'peak memory', () => appPeak(ctx.runner, team, peakFile),
    () => appPeak(ctx.runner, fixture, peakFile), ctx.progress);
  const validated = pairedRounds(ctx.runs, 'with validation', () => appPeak(ctx.runner, team, peakFile, { BOTTLEROCKET_EKS_VALIDATE: '1' }),
    () => appPeak(ctx.runner, fixture, peakFile), ctx.progress);
  return { apps, synth, memory, validated };
}

/**
 * The other ways to synthesize, beside the same L2 synth: each stack app alone through the
 * CDK CLI (three CLI processes, as `cdk` in each app folder does), the root app through the
 * CDK CLI (the team's synth before it ran without it), and `npx projen synth` with aws-cdk-lib's
 * validation turned on. Not the product's synth: a failure only blanks these rows.
 */
export function measureWhatIfs(ctx, { team, fixture, apps }) {
  try {
    const out = path.join(ctx.tmp, 'what-if.out');
    const rootApp = teamCliAppCommand(team);
    return pairedRounds(ctx.runs, 'synth what-ifs', () => ({
      threeApps: apps.reduce((sum, a) => sum + cdkSynth(ctx.runner, a.dir, out), 0),
      rootViaCli: cdkSynth(ctx.runner, team, out, {}, rootApp),
      rootValidated: projenSynth(ctx.runner, team, { BOTTLEROCKET_EKS_VALIDATE: '1' }),
    }), () => ({ l2: cdkSynth(ctx.runner, fixture, out) }), ctx.progress);
  } catch (error) {
    const first = error.message.split('\n')[0];
    ctx.progress(`what-if synth failed, reported as not measured: ${first}`);
    return { error: first };
  }
}

/** The team repository's own synth target through nx: every app without the cache, then a cache hit. */
export function measureNxSynth(ctx, team) {
  const nx = (...flags) => ctx.runner.run(team, 'npx', ['nx', 'run-many', '-t', 'synth', ...flags]);
  const samples = [];
  for (let i = 0; i < ctx.runs; i++) {
    const cold = nx('--skipNxCache');
    nx(); // fills the cache (--skipNxCache neither reads nor writes it)
    const hit = nx();
    samples.push({ cold, hit });
    ctx.progress(`nx synth run ${i + 1}/${ctx.runs}: no cache ${cold.toFixed(2)}, cache hit ${hit.toFixed(2)}`);
  }
  return samples;
}
