// Synthesis: the team repository's `npx projen synth` (its app run without the CDK CLI),
// `cdk synth` of the fixture and of the stack apps, what they leave in cdk.out, and the peak
// memory of the app process (the part a construct library controls).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GNU_TIME, readGnuTime } from './peak.mjs';
import { du } from './scaffold.mjs';

/** The team repository's stack apps (packages/<kind> with a cdk.json), in deploy order. */
export function teamApps(teamDir) {
  const order = ['network', 'cluster', 'nodegroup'];
  const kinds = fs.readdirSync(path.join(teamDir, 'packages'))
    .filter((k) => fs.existsSync(path.join(teamDir, 'packages', k, 'cdk.json')));
  kinds.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return kinds.map((kind) => ({ kind, dir: path.join(teamDir, 'packages', kind) }));
}

/**
 * `cdk --no-notices synth` in an app folder (of its cdk.json's app, or of `app`) from an empty cdk.out (assets are otherwise
 * reused from the last synth), its standard output to `stdoutFile` as the team repository's
 * synth target does. Returns the wall-clock seconds.
 */
export function cdkSynth(runner, appDir, stdoutFile, env = {}, app = appCommand(appDir)) {
  fs.rmSync(path.join(appDir, 'cdk.out'), { recursive: true, force: true });
  return runner.run(appDir, 'npx', ['cdk', '--no-notices', 'synth', '--app', app], { stdoutFile, env });
}

/** The app command of a CDK app folder: the `app` of its cdk.json (a stack app's, the fixture's). */
export function appCommand(appDir) {
  const cdkJson = path.join(appDir, 'cdk.json');
  const app = fs.existsSync(cdkJson) ? JSON.parse(fs.readFileSync(cdkJson, 'utf-8')).app : undefined;
  if (!app) throw new Error(`no CDK app in ${cdkJson}`);
  return app;
}

/**
 * The command line of a team repository's `synth` task (what `npx projen synth` runs): the
 * stacks library's all-apps.js (its own TypeScript loader), without the CDK CLI, writing cdk.out and
 * templates/ itself. As an argv: the task's one step is plain words, no shell syntax.
 */
export function teamSynthArgv(teamDir) {
  const tasks = JSON.parse(fs.readFileSync(path.join(teamDir, '.projen', 'tasks.json'), 'utf-8')).tasks;
  const execs = (tasks.synth?.steps ?? []).map((step) => step.exec).filter(Boolean);
  if (execs.length !== 1 || /["'`$|&;<>*?]/.test(execs[0])) {
    throw new Error(`expected the synth task of ${teamDir} to be one plain command, found: ${JSON.stringify(tasks.synth?.steps)}`);
  }
  return execs[0].trim().split(/\s+/);
}

/**
 * The same app as the CDK CLI would run it (the team's synth before it ran without the CLI):
 * the synth task's command without the options that make it write cdk.out and templates/ itself.
 */
export function teamCliAppCommand(teamDir) {
  const argv = teamSynthArgv(teamDir);
  const withValue = ['--output', '--templates'];
  // --prune (drop templates of stacks no longer synthesized) only goes with --templates.
  const kept = argv.filter((arg, i) => ![...withValue, '--prune'].includes(arg) && !withValue.includes(argv[i - 1]));
  return kept.join(' ');
}

/** `npx projen synth` in a team repository, from an empty cdk.out. Returns the wall-clock seconds. */
export function projenSynth(runner, teamDir, env = {}) {
  fs.rmSync(path.join(teamDir, 'cdk.out'), { recursive: true, force: true });
  return runner.run(teamDir, 'npx', ['projen', 'synth'], { env });
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

/** How the app process's peak memory is measured (run.mjs checks GNU time is there). */
export function memoryMethod() {
  return `\`${GNU_TIME} -f '%e %M'\` wrapped around the app process alone (its maximum resident set size)`;
}

/**
 * The peak memory and wall time of the app process of a synth. A folder whose cdk.json has an
 * app (the fixture, a stack app) is synthesized by `cdk synth` with the app command wrapped:
 * the CLI still supplies context and the output folder, exactly as in a plain synth. A team
 * repository's root runs its synth task's command, which is the app process itself (no CLI).
 * Returns { rssMiB, appSeconds }.
 */
export function appPeak(runner, appDir, resultFile, env = {}) {
  fs.rmSync(resultFile, { force: true });
  fs.rmSync(path.join(appDir, 'cdk.out'), { recursive: true, force: true });
  const cdkJson = path.join(appDir, 'cdk.json');
  const viaCli = fs.existsSync(cdkJson) && !!JSON.parse(fs.readFileSync(cdkJson, 'utf-8')).app;
  const wrapped = [GNU_TIME, '-f', '%e %M', '-o', resultFile, ...(viaCli ? appCommand(appDir).split(' ') : teamSynthArgv(appDir))];
  if (viaCli) runner.run(appDir, 'npx', ['cdk', '--no-notices', 'synth', '--quiet', '--app', wrapped.map(shellWord).join(' ')], { env });
  else runner.run(appDir, wrapped[0], wrapped.slice(1), { env });
  const { seconds, kib } = readGnuTime(resultFile);
  return { rssMiB: kib / 1024, appSeconds: seconds };
}

const shellWord = (word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);
