import * as fs from 'fs';
import * as path from 'path';
import { Component, InitProject } from 'projen';

/**
 * The lockfile a new team repository starts from: the third-party dependency tree of the
 * default team `package.json`, resolved by `npx projen refresh-team-lockfile` and installed by
 * the end-to-end test of the release that ships it.
 */
export const TEAM_LOCKFILE_ASSET = path.join(__dirname, '..', 'assets', 'team-package-lock.json');

/** The registry the lockfile's tarball addresses name; npm puts a team's configured registry in its place. */
export const NPM_REGISTRY = 'https://registry.npmjs.org/';

/**
 * `package-lock.json` of a new repository, written by `projen new` only and only where there is
 * none. npm then installs the versions this release was tested with, instead of the newest
 * release in each range at that moment, and skips resolving the metadata of some 160 packages one
 * after the other; it resolves the bottlerocket-eks packages themselves (never in the lockfile)
 * and any dependency an option changed. From then on the lockfile is npm's and the team's: a
 * later `npx projen` or upgrade of this project type never touches it.
 */
export class TeamLockfile extends Component {
  public projectCreation(_initProject: InitProject): void {
    const file = path.join(this.project.outdir, 'package-lock.json');
    if (fs.existsSync(file)) return;
    const lock = JSON.parse(fs.readFileSync(TEAM_LOCKFILE_ASSET, 'utf-8'));
    lock.name = this.project.name;
    lock.packages[''].name = this.project.name;
    fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  }
}
