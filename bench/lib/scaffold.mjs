// The two scaffolds compared: a team repository from the product's project type, and a
// plain `projen new awscdk-app-ts`. Both are full `projen new` runs with their npm install,
// each in a node process of its own.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project prefix of the benchmark's team repositories. */
export const PJ_PREFIX = 'bench';

/**
 * `projen new --from projen-bottlerocket-eks@file:<tarball> bottlerocket-eks` with its install,
 * through the e2e package's helper (the same code path as the end-to-end test and `demo`).
 * Returns the wall-clock seconds.
 */
export function scaffoldTeam(runner, { scaffoldJs, tarballs, dir }) {
  const script = `require(${JSON.stringify(scaffoldJs)}).scaffold(${JSON.stringify({ dir, args: ['--pj-prefix', PJ_PREFIX], tarballs })})`;
  return runner.run(path.dirname(dir), process.execPath, ['-e', script]);
}

/**
 * The baseline: `projen new awscdk-app-ts` with its install, by the same projen as the team
 * repository's, with aws-cdk-lib and the CDK CLI pinned to the product's versions so both
 * sides install the same CDK. Returns the wall-clock seconds.
 */
export function scaffoldBaseline(runner, { projenBin, versions, dir }) {
  fs.mkdirSync(dir, { recursive: true });
  return runner.run(dir, process.execPath, [
    projenBin, 'new', 'awscdk-app-ts', '--no-git',
    '--cdk-version', versions.awsCdkLib,
    '--cdk-cli-version', versions.awsCdkCli,
  ]);
}

/** `npx projen` (re-synthesis of the project's files) in a scaffolded repository. */
export function npxProjen(runner, dir) {
  return runner.run(dir, 'npx', ['projen']);
}

/** How many packages a repository's lockfile installs, and its node_modules' size on disk. */
export function installFootprint(dir) {
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf-8'));
  const packages = Object.keys(lock.packages ?? {}).filter((k) => k.startsWith('node_modules/') || k.includes('/node_modules/')).length;
  return { packages, nodeModulesBytes: du(path.join(dir, 'node_modules')) };
}

/** Bytes of the files under a path (symbolic links not followed). */
export function du(p) {
  const st = fs.lstatSync(p);
  if (!st.isDirectory()) return st.isFile() ? st.size : 0;
  let total = 0;
  for (const name of fs.readdirSync(p)) total += du(path.join(p, name));
  return total;
}

/**
 * The commands a projen task of a repository runs, its spawned tasks expanded, in order (as
 * the report describes them: they are read from the measured repositories, not typed in).
 */
export function taskCommands(dir, name) {
  const tasks = JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'tasks.json'), 'utf-8')).tasks;
  const expand = (taskName) => (tasks[taskName]?.steps ?? []).flatMap((step) => {
    if (step.spawn) return expand(step.spawn);
    const command = step.exec ?? step.execArgs?.join(' ') ?? step.builtin;
    return command ? [command] : [];
  });
  return expand(name);
}
