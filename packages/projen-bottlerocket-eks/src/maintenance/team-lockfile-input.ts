// What the lockfile a new team repository starts from (assets/team-package-lock.json) is
// resolved from. Used by the maintainer command that rewrites it (scripts/refresh-team-lockfile.ts)
// and by the test that fails when a default version moves without it.
import * as fs from 'fs';
import * as path from 'path';

/** The fields of a package.json that the lockfile is resolved from. */
export interface PackageDependencies {
  readonly name?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** The root package's name in the asset (`projen new` writes the team repository's own). */
const TEAM_LOCKFILE_INPUT_NAME = 'bottlerocket-eks-team';

/** The folders under packages/ of the packages a team repository installs, released together. */
const OWN_PACKAGE_DIRS = ['config', 'stacks', 'projen-bottlerocket-eks'];

/** The package.json of each bottlerocket-eks package a team repository installs. */
export function readOwnPackages(packagesDir: string): PackageDependencies[] {
  return OWN_PACKAGE_DIRS.map((dir) => JSON.parse(fs.readFileSync(path.join(packagesDir, dir, 'package.json'), 'utf-8')));
}

/**
 * The package.json the lockfile is resolved from: a new team repository's, without the
 * bottlerocket-eks packages (they are resolved when the repository is scaffolded: from the
 * registry, or from the tarballs a test gives) and with their third-party dependencies instead,
 * so that the lockfile holds every third-party package the repository installs.
 */
export function teamLockfileInput(team: PackageDependencies, ownPackages: PackageDependencies[]): Required<PackageDependencies> {
  const own = new Set(ownPackages.map((p) => p.name));
  const thirdParty = (deps: Record<string, string> = {}) => Object.entries(deps).filter(([name]) => !own.has(name));
  const ownDependencies = ownPackages.flatMap((p) => thirdParty(p.dependencies));
  return {
    name: TEAM_LOCKFILE_INPUT_NAME,
    dependencies: sortedObject([...ownDependencies, ...thirdParty(team.dependencies)]),
    devDependencies: sortedObject(thirdParty(team.devDependencies)),
  };
}

/** The dependencies the root of a lockfile was resolved from, as `teamLockfileInput` gives them. */
export function lockfileRoot(lock: { packages: Record<string, PackageDependencies> }): Required<PackageDependencies> {
  const root = lock.packages[''];
  return {
    name: root.name ?? '',
    dependencies: sortedObject(Object.entries(root.dependencies ?? {})),
    devDependencies: sortedObject(Object.entries(root.devDependencies ?? {})),
  };
}

function sortedObject(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}
