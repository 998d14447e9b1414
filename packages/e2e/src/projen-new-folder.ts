import * as path from 'path';
import { renderInstallArgs } from 'projen/lib/cli/util';
import { hardLinkCopy } from './hard-link-copy';
import { findTarballs, PROJEN_VERSION, runResult, Tarballs, writeProjenNewPackageJson } from './scaffold';

/**
 * Folders in which `projen new --from` the tarballs finds projen and the project type installed
 * already, for tests that run it many times to see it reject flags: the install is made once
 * and each run gets a hard-linked copy. projen new still runs `npm install` of the project type
 * (lib/cli/cmds/new.js, initProjectFromModule), which then has little to do; and without
 * `--projen-version` (as users run `npx projen new --from ...`), only `npm ls` for projen.
 */

/** Files npm rewrites where they are on every install (the installed packages it replaces), so each copy has its own. */
const REWRITTEN_IN_PLACE = ['package.json', path.join('node_modules', '.package-lock.json')];

/**
 * Makes `dir` the folder `projen new --from` the tarballs would have when it reads the project
 * type's options: its package.json, and projen and the project type installed by the same
 * `npm install` commands (projen's own renderInstallArgs).
 */
export function prepareProjenNewFolder(dir: string, tarballs: Tarballs = findTarballs()): void {
  writeProjenNewPackageJson(dir, tarballs);
  for (const spec of [`projen@${PROJEN_VERSION}`, `projen-bottlerocket-eks@file:${tarballs.projectType}`]) {
    const args = renderInstallArgs(dir, spec);
    const { status, output } = runResult(dir, 'npm', args);
    if (status !== 0) throw new Error(`npm ${args.join(' ')} failed (${status}):\n${output}`);
  }
}

/** Makes `to` a copy of a folder of prepareProjenNewFolder, its install hard-linked. */
export function copyProjenNewFolder(from: string, to: string): void {
  hardLinkCopy(from, to, (relative) => REWRITTEN_IN_PLACE.includes(relative));
}
