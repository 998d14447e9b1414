import * as fs from 'fs';
import * as path from 'path';
import { validateWorkflow } from '@action-validator/core';
import { tempDir } from './temp';
import { integrity, LocalRegistry, packedPackages, PackedPackage, publish, PUBLISHED_PACKAGES, startRegistry, upstreamRegistry } from '../src/registry';
import { NO_AWS, runResult, withoutColours } from '../src/scaffold';

jest.setTimeout(20 * 60 * 1000);

/** projen's version, the one the repository pins (packages/e2e has it as a dev dependency). */
const PROJEN_VERSION: string = JSON.parse(fs.readFileSync(require.resolve('projen/package.json'), 'utf-8')).version;

/**
 * The packed packages go through a real npm registry (a local Verdaccio, everything else from
 * the registry npm is configured with), and a team scaffolds by name, as after a release.
 */
describe('the packages, published to a registry, install and scaffold by name', () => {
  let root = '';
  let registry: LocalRegistry | undefined;
  let packages: PackedPackage[] = [];

  /** Runs a command with npm pointed at the local registry only; throws with its output when it fails. */
  const npmRun = (cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string => {
    const { status, output } = runResult(cwd, command, args, { ...registry!.env, ...env });
    if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${status}) in ${cwd}:\n${output}\nregistry log:\n${registry!.log()}`);
    return output;
  };
  const emptyDir = (name: string) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    return dir;
  };
  const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf-8'));
  /** A package as installed carries its build output, README and license only: no sources, tests or repository configuration. */
  const expectOnlyPublishedFiles = (pkgDir: string) => {
    const entries = fs.readdirSync(pkgDir).filter((e) => e !== 'node_modules').sort();
    // assets/: the lockfile a new team repository starts from (the project type's).
    expect(entries.filter((e) => !['.jsii', 'LICENSE', 'README.md', 'assets', 'lib', 'package.json'].includes(e))).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'lib', 'package.json']));
  };

  beforeAll(async () => {
    packages = packedPackages();
    root = tempDir('e2e-registry');
    const registryDir = emptyDir('registry');
    registry = await startRegistry({ dir: registryDir, localPackages: PUBLISHED_PACKAGES.map((p) => p.name), uplink: upstreamRegistry(root) });
    for (const pkg of packages) publish(registry, pkg, registryDir);
  });

  afterAll(async () => {
    // Stopped also when a test failed; tempDir removes its storage after the file.
    await registry?.stop();
  });

  test('the four packages are on the registry, all at the one product version', () => {
    const versions = new Set(packages.map((p) => p.version));
    expect(versions.size).toBe(1);
    for (const pkg of packages) {
      expect(npmRun(root, 'npm', ['view', pkg.name, 'version']).trim()).toBe(pkg.version);
    }
  });

  test('bottlerocket-eks-config and bottlerocket-eks-stacks install on their own: main, types and bin work', () => {
    const dir = emptyDir('consumer');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    // aws-cdk-lib and constructs come as the stacks package's peers.
    npmRun(dir, 'npm', ['install', 'bottlerocket-eks-config', 'bottlerocket-eks-stacks']);
    for (const name of ['bottlerocket-eks-config', 'bottlerocket-eks-stacks']) {
      const pkgDir = path.join(dir, 'node_modules', name);
      const manifest = readJson(path.join(pkgDir, 'package.json'));
      expect(fs.existsSync(path.join(pkgDir, manifest.main))).toBe(true);
      expect(fs.existsSync(path.join(pkgDir, manifest.types))).toBe(true);
      expectOnlyPublishedFiles(pkgDir);
    }
    expect(fs.existsSync(path.join(dir, 'node_modules', 'aws-cdk-lib', 'package.json'))).toBe(true);
    // Written as plain text: console.log colours booleans when FORCE_COLOR is set (nx sets it).
    const script = 'process.stdout.write(`${typeof require("bottlerocket-eks-config").ExportNames} ${Object.keys(require("bottlerocket-eks-stacks")).length > 0}`)';
    const exported = npmRun(dir, process.execPath, ['-e', script]);
    expect(exported.trim()).toBe('function true');
    const help = npmRun(dir, 'npx', ['--no-install', 'bottlerocket-eks', '--help']);
    expect(help).toMatch(/bottlerocket-eks/);
    expect(help).toMatch(/preflight/);
  });

  describe('npx projen new --from projen-bottlerocket-eks, in an empty folder', () => {
    let team = '';
    let buildOutput = '';

    beforeAll(() => {
      team = emptyDir('reg-team');
      npmRun(team, 'npx', ['--yes', `projen@${PROJEN_VERSION}`, 'new', '--from', 'projen-bottlerocket-eks', 'bottlerocket-eks',
        '--pj-prefix', 'reg-team', '--no-git']);
      buildOutput = npmRun(team, 'npx', ['projen', 'build'], NO_AWS);
    });

    test('the project type and its peer, the config package, came from the registry by name', () => {
      const lock = readJson(path.join(team, 'package-lock.json'));
      for (const pkg of packages.filter((p) => p.name !== 'create-bottlerocket-eks')) {
        // The very tarball published (npm may leave `resolved` out of the lock; when there, it is the local registry).
        const entry = lock.packages[`node_modules/${pkg.name}`];
        expect(entry).toMatchObject({ version: pkg.version, integrity: integrity(pkg.tarball) });
        if (entry.resolved) expect(entry.resolved.startsWith(registry!.url)).toBe(true);
      }
      const projectTypeDir = path.join(team, 'node_modules', 'projen-bottlerocket-eks');
      expectOnlyPublishedFiles(projectTypeDir);
      // The third-party tree it ships, installed through this registry as the team's is configured.
      const shipped = readJson(path.join(projectTypeDir, 'assets', 'team-package-lock.json')).packages;
      expect(lock.packages['node_modules/aws-cdk-lib'].version).toBe(shipped['node_modules/aws-cdk-lib'].version);
      // jsii's assembly: what `projen new --from` reads the project type from.
      expect(fs.existsSync(path.join(projectTypeDir, '.jsii'))).toBe(true);
      const manifest = readJson(path.join(team, 'package.json'));
      const specs = JSON.stringify({ ...manifest.dependencies, ...manifest.devDependencies });
      expect(specs).not.toMatch(/file:|\.tgz/);
    });

    test("the team repository's own build writes its templates", () => {
      expect(buildOutput).toContain('wrote templates/nodegroup.yaml');
      for (const kind of ['network', 'cluster', 'nodegroup']) {
        expect(fs.existsSync(path.join(team, 'templates', `${kind}.yaml`))).toBe(true);
      }
      expect(fs.readFileSync(path.join(team, '.projenrc.ts'), 'utf-8')).toContain('pjPrefix: "reg-team"');
    });

    test("the team repository's build runs its own tests, and they pass", () => {
      // Node's test runner's summary of test/contract.test.ts: TAP when not on a terminal on
      // Node 20, spec (in colour under nx's FORCE_COLOR) on Node 24.
      expect(withoutColours(buildOutput)).toMatch(/^(ℹ|#) tests [1-9]\d*$/m);
      expect(withoutColours(buildOutput)).toMatch(/^(ℹ|#) fail 0$/m);
    });

    test("the team repository's GitHub workflows pass the GitHub Actions workflow schema, every action pinned", () => {
      const dir = path.join(team, '.github', 'workflows');
      const files = fs.readdirSync(dir).sort();
      expect(files).toEqual(expect.arrayContaining(['build.yml', 'upgrade.yml']));
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf-8');
        expect({ file, errors: validateWorkflow(text).errors }).toEqual({ file, errors: [] });
        for (const [, action] of text.matchAll(/uses: (\S+)/g)) expect(action).toMatch(/@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
      }
    });
  });

  test('npm create bottlerocket-eks scaffolds from the project type of its own version', () => {
    const dir = emptyDir('create');
    const output = npmRun(dir, 'npm', ['create', '--yes', 'bottlerocket-eks', '--', '--pj-prefix', 'reg-create', '--no-git']);
    const team = path.join(dir, 'reg-create');
    // npm create installed the command (in npx's cache), the command the project type.
    expect(output).toContain(`from projen-bottlerocket-eks@${packages[2].version}`);
    const npxDir = path.join(registry!.cache, '_npx');
    const installed = fs.readdirSync(npxDir).map((hash) => path.join(npxDir, hash, 'node_modules', 'create-bottlerocket-eks')).filter((d) => fs.existsSync(d));
    expect(installed).toHaveLength(1);
    expectOnlyPublishedFiles(installed[0]);
    expect(fs.readFileSync(path.join(team, '.projenrc.ts'), 'utf-8')).toContain('pjPrefix: "reg-create"');
    const lock = readJson(path.join(team, 'package-lock.json'));
    const projectType = packages.find((p) => p.name === 'projen-bottlerocket-eks')!;
    expect(lock.packages['node_modules/projen-bottlerocket-eks']).toMatchObject({ version: projectType.version, integrity: integrity(projectType.tarball) });
  });
});
