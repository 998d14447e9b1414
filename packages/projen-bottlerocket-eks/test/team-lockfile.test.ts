import * as fs from 'fs';
import * as path from 'path';
import { InitProject } from 'projen';
import { Testing } from 'projen/lib/testing';
import { synthFiles } from './synth-files';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { lockfileRoot, readOwnPackages, teamLockfileInput } from '../src/maintenance/team-lockfile-input';
import { NPM_REGISTRY, TEAM_LOCKFILE_ASSET, TeamLockfile } from '../src/team-lockfile';

// The lockfile a new team repository starts from: the third-party tree of its default
// package.json, as `npx projen refresh-team-lockfile` resolved it.

const PACKAGES_DIR = path.join(__dirname, '..', '..');
const shipped = JSON.parse(fs.readFileSync(TEAM_LOCKFILE_ASSET, 'utf-8'));

function project(options: Partial<BottlerocketEksProjectOptions> = {}): BottlerocketEksProject {
  return new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir: tempDir('team'), ...options });
}

/** What `projen new` runs of the lockfile once the files are written (the hook of components for a new project). */
function projectCreation(p: BottlerocketEksProject): void {
  const lockfiles = p.components.filter((c) => c instanceof TeamLockfile);
  expect(lockfiles).toHaveLength(1);
  lockfiles[0].projectCreation({} as InitProject);
}

describe('the lockfile a new team repository starts from', () => {
  test('is resolved from the default team package.json as it is now (else: npx projen refresh-team-lockfile)', () => {
    const input = teamLockfileInput(Testing.synth(project())['package.json'], readOwnPackages(PACKAGES_DIR));
    expect({ refresh: 'npx projen refresh-team-lockfile', root: lockfileRoot(shipped) }).toEqual({ refresh: 'npx projen refresh-team-lockfile', root: input });
  });

  test('holds the third-party packages only, each from the npm registry with its integrity', () => {
    const own = readOwnPackages(PACKAGES_DIR).map((p) => p.name);
    const entries = Object.entries<any>(shipped.packages).filter(([key]) => key !== '');
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter(([key]) => own.some((name) => key.endsWith(`node_modules/${name}`)))).toEqual([]);
    // Bundled packages come inside their parent's tarball; every other one names its tarball.
    const unpinned = entries.filter(([, e]) => !e.inBundle && !(e.resolved?.startsWith(NPM_REGISTRY) && /^sha512-/.test(e.integrity)));
    expect(unpinned).toEqual([]);
    expect(shipped.lockfileVersion).toBe(3);
  });

  test('the input: the team\'s dependencies without the bottlerocket-eks packages, with their third-party dependencies', () => {
    const input = teamLockfileInput(
      { dependencies: { 'aws-cdk-lib': '^2', 'stacks': '^1' }, devDependencies: { 'nx': '24', 'project-type': '^1' } },
      [{ name: 'stacks', dependencies: { config: '^1', yaml: '^2' } }, { name: 'config' }, { name: 'project-type' }]);
    expect(input).toEqual({ name: 'bottlerocket-eks-team', dependencies: { 'aws-cdk-lib': '^2', 'yaml': '^2' }, devDependencies: { nx: '24' } });
  });

  test('projen new writes it, named for the repository; a plain synthesis does not', () => {
    const p = project({ name: 'team-b' });
    const file = path.join(p.outdir, 'package-lock.json');
    synthFiles(p);
    expect(fs.existsSync(file)).toBe(false);
    projectCreation(p);
    const written = JSON.parse(fs.readFileSync(file, 'utf-8'));
    expect(written.name).toBe('team-b');
    expect(written.packages['']).toEqual({ ...shipped.packages[''], name: 'team-b' });
    expect(written.packages['node_modules/aws-cdk-lib']).toEqual(shipped.packages['node_modules/aws-cdk-lib']);
  });

  test('a lockfile already there is the team\'s: never replaced', () => {
    const p = project();
    const file = path.join(p.outdir, 'package-lock.json');
    fs.mkdirSync(p.outdir, { recursive: true });
    fs.writeFileSync(file, '{"lockfileVersion": 3, "packages": {}}\n');
    projectCreation(p);
    expect(fs.readFileSync(file, 'utf-8')).toBe('{"lockfileVersion": 3, "packages": {}}\n');
  });
});
