import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { commandEnv, REPO_ROOT } from './scaffold';

/** The packages of the product, in the order they depend on each other (and are published). */
export const PUBLISHED_PACKAGES = [
  { dir: 'config', name: 'bottlerocket-eks-config' },
  { dir: 'stacks', name: 'bottlerocket-eks-stacks' },
  { dir: 'projen-bottlerocket-eks', name: 'projen-bottlerocket-eks' },
  { dir: 'create-bottlerocket-eks', name: 'create-bottlerocket-eks' },
] as const;

/** A packed package: its name, version and tarball (from `nx run-many -t build`). */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  readonly tarball: string;
}

/** The tarballs `nx run-many -t build` packed into packages/<pkg>/dist/js, in publishing order. */
export function packedPackages(root = REPO_ROOT): PackedPackage[] {
  return PUBLISHED_PACKAGES.map(({ dir, name }) => {
    const version = JSON.parse(fs.readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf-8')).version;
    const tarball = path.join(root, 'packages', dir, 'dist', 'js', `${name}-${version}.tgz`);
    if (!fs.existsSync(tarball)) throw new Error(`${tarball} is missing: run \`npx nx run-many -t build\` first`);
    return { name, version, tarball };
  });
}

/** The `integrity` npm records for a tarball (in package-lock.json). */
export function integrity(tarball: string): string {
  return `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
}

/** The registry npm uses outside the test (the user's or CI's), which the local registry proxies. */
export function upstreamRegistry(cwd: string): string {
  // Run outside the workspace (in it, npm refuses `config get`).
  return execFileSync('npm', ['config', 'get', 'registry'], { cwd, encoding: 'utf-8', env: withoutNpmRegistryEnv() }).trim();
}

function withoutNpmRegistryEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_registry'));
}

export interface RegistryOptions {
  /** An empty folder for the registry's configuration, storage and npmrc; the caller removes it. */
  readonly dir: string;
  /** Packages published to the local registry only (anyone may publish them); everything else comes from `uplink`. */
  readonly localPackages: readonly string[];
  /** The registry to proxy every other package from. */
  readonly uplink: string;
}

/** A Verdaccio serving on 127.0.0.1, in a child process of its own. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** An npmrc for npm's `--userconfig`: this registry, with a dummy token to publish with. */
  readonly userconfig: string;
  /** The npm settings (as environment variables) that make npm, npx and projen use this registry only. */
  readonly env: NodeJS.ProcessEnv;
  /** npm's cache for the commands run with `env`, in `dir`. */
  readonly cache: string;
  /** What the registry printed (warnings and errors). */
  log(): string;
  /** Stops the registry and waits for its process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts Verdaccio with its storage in `dir`, listening on an ephemeral port of 127.0.0.1.
 * It runs in a child process (the tests run npm synchronously, which would block a server in
 * this one), which also exits when this process does: it stops when its stdin closes.
 */
export async function startRegistry(options: RegistryOptions): Promise<LocalRegistry> {
  const configFile = path.join(options.dir, 'verdaccio.json');
  const own = { access: '$all', publish: '$all', unpublish: '$all' };
  const config = {
    storage: path.join(options.dir, 'storage'),
    auth: { htpasswd: { file: path.join(options.dir, 'htpasswd'), max_users: -1 } },
    uplinks: { upstream: { url: options.uplink, timeout: '120s', maxage: '30m' } },
    packages: {
      ...Object.fromEntries(options.localPackages.map((name) => [name, own])),
      '**': { access: '$all', proxy: 'upstream' },
    },
    // npm audits every install: the audit plugin would forward that to a fixed public host.
    middlewares: { audit: { enabled: false } },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
    max_body_size: '200mb',
  };
  // JSON is YAML, which Verdaccio reads.
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  const script = [
    `const { runServer } = require(${JSON.stringify(require.resolve('verdaccio'))});`,
    'process.stdin.on("end", () => process.exit(0)); process.stdin.resume();',
    'runServer(process.argv[1]).then((server) => server.listen(0, "127.0.0.1", () => {',
    '  process.stdout.write(`VERDACCIO_LISTENING ${server.address().port}\\n`);',
    '}), (error) => { console.error(error); process.exit(1); });',
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script, configFile], { cwd: options.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Verdaccio did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /VERDACCIO_LISTENING (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited (${code}) before listening:\n${output}`));
    });
  }).catch(async (error) => {
    await stopChild(child);
    throw error;
  });

  const url = `http://127.0.0.1:${port}/`;
  const userconfig = path.join(options.dir, 'npmrc');
  fs.writeFileSync(userconfig, [
    `registry=${url}`,
    // Any token: the registry lets anyone publish the local packages, but npm publishes only with one.
    `//127.0.0.1:${port}/:_authToken=e2e-dummy-token`,
    'audit=false',
    'fund=false',
    'update-notifier=false',
    '',
  ].join('\n'));
  // A cache of its own: npx reuses what it installed for a package name and version (in the
  // cache's _npx), which would run the packages of an earlier build of the same version.
  const cache = path.join(options.dir, 'npm-cache');
  const env = npmEnv({
    npm_config_registry: url,
    npm_config_userconfig: userconfig,
    npm_config_cache: cache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  return {
    url,
    userconfig,
    cache,
    env,
    log: () => output,
    stop: () => stopChild(child),
  };
}

/**
 * `settings` as npm environment variables, with the same settings of this process in another
 * case left out (npm reads NPM_CONFIG_USERCONFIG too, which setup-node sets on CI).
 */
function npmEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...settings };
  for (const key of Object.keys(process.env)) {
    if (!(key in settings) && key.toLowerCase() in settings) env[key] = undefined;
  }
  return env;
}

/** Ends a child process (SIGTERM, then SIGKILL after 10 s) and waits for it. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

/** Publishes a packed package to the local registry, as the release workflow does to npmjs.com. */
export function publish(registry: LocalRegistry, pkg: PackedPackage, cwd: string): void {
  execFileSync('npm', ['publish', pkg.tarball, '--registry', registry.url, '--userconfig', registry.userconfig, '--access', 'public'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: commandEnv(registry.env),
  });
}
