import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (this file is packages/e2e/{src,lib}/scaffold.*). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The packed tarballs of the packages a team repository installs, from their nx builds. */
export interface Tarballs {
  readonly config: string;
  readonly stacks: string;
  readonly projectType: string;
}

/** Finds the tarballs `nx run-many -t build` packed into each package's dist/js. */
export function findTarballs(root = REPO_ROOT): Tarballs {
  const find = (pkgDir: string, name: string) => {
    const file = path.join(root, 'packages', pkgDir, 'dist', 'js', `${name}-${version(root, pkgDir)}.tgz`);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run-many -t build\` first`);
    return file;
  };
  return {
    config: find('config', 'bottlerocket-eks-config'),
    stacks: find('stacks', 'bottlerocket-eks-stacks'),
    projectType: find('projen-bottlerocket-eks', 'projen-bottlerocket-eks'),
  };
}

function version(root: string, pkgDir: string): string {
  return JSON.parse(fs.readFileSync(path.join(root, 'packages', pkgDir, 'package.json'), 'utf-8')).version;
}

export interface ScaffoldOptions {
  /** An empty or missing folder to scaffold into. */
  readonly dir: string;
  /** Flags for the project type, e.g. ['--pj-prefix', 'demo']. */
  readonly args: string[];
  readonly tarballs?: Tarballs;
}

/**
 * Runs the real `projen new --from projen-bottlerocket-eks@file:<tarball> bottlerocket-eks`
 * in `dir`, as a user would, with the unpublished packages taken from local tarballs.
 * (`<name>@file:` is the form projen accepts; a bare path is not.)
 */
export function scaffold(options: ScaffoldOptions): void {
  const args = projenNewArgs(options.dir, options.args, options.tarballs);
  run(options.dir, process.execPath, args);
}

/**
 * Prepares `dir` for `projen new --from` the tarballs and returns the command line (after
 * `node`).
 */
export function projenNewArgs(dir: string, flags: string[], tarballs: Tarballs = findTarballs()): string[] {
  writeProjenNewPackageJson(dir, tarballs);
  return projenNewCommandLine(flags, tarballs);
}

/**
 * Writes the package.json `projen new --from` the tarballs starts from into `dir`. The project
 * type's peer, the config package, is not on the registry: it is pinned to its tarball before
 * projen installs the project type, and kept pinned through `--deps` (see projenNewCommandLine).
 * (A runtime dependency: projen takes the first devDependency as the project type's name.)
 */
export function writeProjenNewPackageJson(dir: string, tarballs: Tarballs = findTarballs()): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: path.basename(dir),
    private: true,
    dependencies: { 'bottlerocket-eks-config': `file:${tarballs.config}` },
  }, null, 2));
}

/** The version of projen the tests run, which `projen new` installs into a new repository. */
export const PROJEN_VERSION: string = JSON.parse(fs.readFileSync(require.resolve('projen/package.json'), 'utf-8')).version;

export interface ProjenNewCommandOptions {
  /**
   * Whether to give `--projen-version` (default true), under which projen new installs that
   * projen whatever is installed. Without it (as users run `npx projen new --from ...`), it
   * installs projen only when `npm ls` finds none.
   */
  readonly pinProjenVersion?: boolean;
}

/** The command line (after `node`) of `projen new --from` the tarballs, with the project type's `flags`. */
export function projenNewCommandLine(flags: string[], tarballs: Tarballs = findTarballs(), options: ProjenNewCommandOptions = {}): string[] {
  return [
    require.resolve('projen/bin/projen'), 'new', '--from', `projen-bottlerocket-eks@file:${tarballs.projectType}`, 'bottlerocket-eks',
    ...((options.pinProjenVersion ?? true) ? ['--projen-version', PROJEN_VERSION] : []),
    '--stacks-dependency', `bottlerocket-eks-stacks@file:${tarballs.stacks}`,
    '--deps', `bottlerocket-eks-config@file:${tarballs.config}`,
    '--no-git',
    ...flags,
  ];
}

/**
 * The environment of every command run in a scaffolded repository: this process's and `env`
 * over it, as on a developer's machine: without `CI` (set by most CI services, and so around
 * these tests there), under which projen installs with `npm ci`: `projen new` would need the
 * lockfile it is about to create, and `npx projen` after a change of package.json would empty
 * node_modules first, in a working copy that links the shared install (see copyRepository) the
 * install every other copy runs from. A test of behaviour under CI passes `CI` in `env`. And
 * with two things of nx off that would outlive a repository the test removes:
 * - the daemon (unless asked for), a process watching the repository (on CI and in
 *   containers nx starts none anyway);
 * - the native file cache, a 28 MB copy of nx's binding in /tmp/.nx/<uid>/native-cache per
 *   repository (it is keyed by the binding's path), never removed.
 */
export function commandEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    CI: undefined,
    NX_DAEMON: process.env.NX_DAEMON ?? 'false',
    NX_SKIP_NATIVE_FILE_CACHE: 'true',
    // The many installs of scaffolded repositories take the package metadata the root install
    // left in npm's cache rather than asking the registry again each time (what is not cached
    // is fetched as usual).
    npm_config_prefer_offline: 'true',
    ...env,
  };
  // A variable given as undefined is one to leave out.
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

/** Runs a command in `cwd`, its output shown; throws with the command line when it fails. */
export function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  execFileSync(command, args, { cwd, stdio: 'inherit', env: commandEnv(env) });
}

/** No credentials: nothing of a build may need an AWS account. */
/**
 * The environment of a team command that asks the local AWS at `endpoint` (fake static keys, no
 * profile, config file or instance metadata of this machine), from the repository `dir`; the
 * access key id (which identity the fake answers for) is the caller's to add.
 */
export function fakeAwsEnv(endpoint: string, dir: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: 'ap-northeast-1',
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export const NO_AWS: NodeJS.ProcessEnv = { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };

/** Runs a command like `runResult` and returns what it printed; throws with that when it fails. */
export function runQuiet(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const { status, output } = runResult(cwd, command, args, env);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${status}):\n${output}`);
  return output;
}

/** Runs a command in `cwd` and returns how it exited and what it printed (stdout, then stderr). */
export function runResult(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): CommandResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf-8', env: commandEnv(env) });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** Runs a command in `cwd` and returns its standard output. */
export function capture(cwd: string, command: string, args: string[]): string {
  return execFileSync(command, args, { cwd, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'inherit'], env: commandEnv() });
}

/**
 * `text` without its colours (ANSI SGR sequences). nx sets FORCE_COLOR for its tasks, and the
 * commands run here inherit it: TypeScript 7 and, from Node 23, Node's test runner (its default
 * reporter is then `spec`, also when the output is not a terminal) colour what they print.
 */
export function withoutColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** What a command printed (stdout and stderr interleaved as written) and how it exited. */
export interface CommandResult {
  readonly status: number;
  readonly output: string;
}

/**
 * Runs a command without blocking this process (tests serve fake endpoints from it) and
 * returns its exit code and output, colours removed.
 */
export function runAsync(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: commandEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('close', (status) => resolve({ status: status ?? 1, output: withoutColours(output) }));
  });
}

/**
 * `runResult` without blocking this process, so that several commands can run at a time: how
 * the command exited and what it printed (stdout, then stderr), as is.
 */
export function runResultAsync(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: commandEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? 1, output: `${stdout}${stderr}` }));
  });
}
