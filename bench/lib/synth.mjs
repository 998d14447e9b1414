// Synthesis through the CDK CLI, what it leaves in cdk.out, and the peak memory of the app
// process the CLI starts (the part a construct library controls; the CLI is the same on
// both sides).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { du } from './scaffold.mjs';

const GNU_TIME = '/usr/bin/time';
const MAXRSS_HOOK = new URL('./maxrss-hook.mjs', import.meta.url);

/** The team repository's stack apps (packages/<kind> with a cdk.json), in deploy order. */
export function teamApps(teamDir) {
  const order = ['network', 'cluster', 'nodegroup'];
  const kinds = fs.readdirSync(path.join(teamDir, 'packages'))
    .filter((k) => fs.existsSync(path.join(teamDir, 'packages', k, 'cdk.json')));
  kinds.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return kinds.map((kind) => ({ kind, dir: path.join(teamDir, 'packages', kind) }));
}

/**
 * `cdk --no-notices synth` in an app folder from an empty cdk.out (assets are otherwise
 * reused from the last synth), its standard output to `stdoutFile` as the team repository's
 * synth target does. Returns the wall-clock seconds.
 */
export function cdkSynth(runner, appDir, stdoutFile, env = {}) {
  fs.rmSync(path.join(appDir, 'cdk.out'), { recursive: true, force: true });
  return runner.run(appDir, 'npx', ['cdk', '--no-notices', 'synth', '--app', appCommand(appDir)], { stdoutFile, env });
}

/**
 * The app command of a CDK app folder: its cdk.json's `app`, or, at the root of a team
 * repository (whose cdk.json holds no app, so nothing deploys around the preflight), the
 * `--app "..."` of its synth task.
 */
export function appCommand(appDir) {
  const cdkJson = path.join(appDir, 'cdk.json');
  const app = fs.existsSync(cdkJson) ? JSON.parse(fs.readFileSync(cdkJson, 'utf-8')).app : undefined;
  if (app) return app;
  const tasks = JSON.parse(fs.readFileSync(path.join(appDir, '.projen', 'tasks.json'), 'utf-8')).tasks;
  const synth = tasks.synth?.steps?.map((step) => step.exec ?? '').join(' ') ?? '';
  const match = /--app "([^"]+)"/.exec(synth);
  if (!match) throw new Error(`no CDK app in ${cdkJson} nor in the synth task of ${appDir}`);
  return match[1];
}

/** Sizes and counts of what synth wrote to the given cdk.out folders (nested stacks included). */
export function cdkOutStats(cdkOutDirs) {
  const stats = { templates: 0, nestedStacks: 0, templateBytes: 0, resources: 0, lambdas: 0, assets: 0, assetBytes: 0 };
  for (const dir of cdkOutDirs) {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith('.template.json')) {
        const resources = Object.values(JSON.parse(fs.readFileSync(file, 'utf-8')).Resources ?? {});
        stats.templates++;
        if (name.endsWith('.nested.template.json')) stats.nestedStacks++;
        stats.templateBytes += fs.statSync(file).size;
        stats.resources += resources.length;
        stats.lambdas += resources.filter((r) => r.Type === 'AWS::Lambda::Function').length;
      } else if (name.startsWith('asset.')) {
        stats.assets++;
        stats.assetBytes += du(file);
      }
    }
  }
  return stats;
}

/** How peak memory is measured here: GNU time where present, else an in-process hook. */
export function memoryMethod() {
  return fs.existsSync(GNU_TIME)
    ? `\`${GNU_TIME} -f '%e %M'\` wrapped around the app command of cdk.json (maximum resident set size of that process)`
    : 'a module preloaded into the app process (`node --import bench/lib/maxrss-hook.mjs`) that records `process.resourceUsage().maxRSS` at exit';
}

/**
 * Runs `cdk synth` with the app command of cdk.json wrapped so the app process's own peak
 * memory and wall time are recorded: the CLI still supplies context and the output folder,
 * exactly as in a plain synth. Returns { rssMiB, appSeconds }.
 */
export function appPeak(runner, appDir, resultFile, env = {}) {
  const app = appCommand(appDir);
  let wrapped;
  if (fs.existsSync(GNU_TIME)) {
    wrapped = `${GNU_TIME} -f '%e %M' -o '${resultFile}' ${app}`;
  } else {
    if (!app.startsWith('node ')) throw new Error(`cannot measure the memory of app "${app}" without ${GNU_TIME}`);
    wrapped = `node --import ${MAXRSS_HOOK.href} ${app.slice('node '.length)}`;
    env = { ...env, BENCH_MAXRSS_FILE: resultFile };
  }
  fs.rmSync(resultFile, { force: true });
  fs.rmSync(path.join(appDir, 'cdk.out'), { recursive: true, force: true });
  runner.run(appDir, 'npx', ['cdk', '--no-notices', 'synth', '--quiet', '--app', wrapped], { env });
  // GNU time prints "<seconds> <KiB>" on the file's last line (earlier lines: the exit status, if not 0).
  const [seconds, kib] = fs.readFileSync(resultFile, 'utf-8').trim().split('\n').pop().split(' ').map(Number);
  if (!(kib > 0)) throw new Error(`no peak memory recorded in ${resultFile}`);
  return { rssMiB: kib / 1024, appSeconds: seconds };
}
