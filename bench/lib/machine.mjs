// What the figures were measured on and with: the machine, and the versions that were
// pinned (projenrc/versions.ts) and actually installed on each side.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function machineInfo(runner) {
  const cpus = os.cpus();
  let distro = '';
  try {
    distro = fs.readFileSync('/etc/os-release', 'utf-8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? '';
  } catch { /* not Linux: the kernel line below still says which OS */ }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${distro ? `${distro}, ` : ''}${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    npm: runner.capture(os.tmpdir(), 'npm', ['--version']),
  };
}

/** The pins of projenrc/versions.ts (`key: 'value'` lines of the VERSIONS object). */
export function pinnedVersions(root) {
  const text = fs.readFileSync(path.join(root, 'projenrc', 'versions.ts'), 'utf-8');
  return Object.fromEntries([...text.matchAll(/^\s*(\w+):\s*'([^']+)'/gm)].map((m) => [m[1], m[2]]));
}

/** Installed versions of the given packages in a project folder ('-' when absent). */
export function installedVersions(dir, names) {
  return Object.fromEntries(names.map((name) => {
    try {
      return [name, JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf-8')).version];
    } catch {
      return [name, '-'];
    }
  }));
}

/**
 * Pins of the L2 fixture that differ from the product's: after a bump of projenrc/versions.ts
 * the fixture's package.json (and lockfile) must follow, or the comparison is not like for like.
 */
export function fixtureDrift(fixtureDir, pinned) {
  const pkg = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'package.json'), 'utf-8'));
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const expected = { 'aws-cdk-lib': pinned.awsCdkLib, 'aws-cdk': pinned.awsCdkCli, 'constructs': pinned.constructs, 'tsx': pinned.tsx };
  return Object.entries(expected)
    .filter(([name, version]) => version && deps[name] !== version)
    .map(([name, version]) => `${name}: fixture ${deps[name] ?? 'missing'}, product ${version}`);
}
