// Maintainer command: rewrites assets/team-package-lock.json, the lockfile a new team repository
// starts from, by resolving the default team package.json's third-party dependencies against the
// npm registry. Run it at the repository root after a version in projenrc/versions.ts moves
// (a test fails until then):
//   npx projen refresh-team-lockfile
// then rebuild and run the tests: the end-to-end test installs exactly this tree.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'projen/lib/testing';
import { BottlerocketEksProject } from '../src';
import { readOwnPackages, teamLockfileInput } from '../src/maintenance/team-lockfile-input';
import { NPM_REGISTRY, TEAM_LOCKFILE_ASSET } from '../src/team-lockfile';

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'team-lockfile-'));
  try {
    const team = new BottlerocketEksProject({ name: 'team', defaultReleaseBranch: 'main', pjPrefix: 'team', outdir: path.join(work, 'team') });
    const input = teamLockfileInput(Testing.synth(team)['package.json'], readOwnPackages(path.join(__dirname, '..', '..')));
    const resolveDir = path.join(work, 'resolve');
    fs.mkdirSync(resolveDir);
    fs.writeFileSync(path.join(resolveDir, 'package.json'), JSON.stringify({ ...input, version: '0.0.0', private: true }, null, 2));
    // The registry's current releases, not the local cache's: teams get what a fresh install would.
    // With each package's tarball address: npm then fetches the tarballs straight away instead of
    // each package's metadata first (it swaps registry.npmjs.org for a team's own registry).
    execFileSync('npm', [
      'install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-online',
      `--registry=${NPM_REGISTRY}`, '--no-omit-lockfile-registry-resolved',
    ], { cwd: resolveDir, stdio: 'inherit' });
    const lock = JSON.parse(fs.readFileSync(path.join(resolveDir, 'package-lock.json'), 'utf-8'));
    fs.writeFileSync(TEAM_LOCKFILE_ASSET, `${JSON.stringify(lock, null, 2)}\n`);
    const count = Object.keys(lock.packages).length - 1;
    console.log(`Wrote ${path.relative(process.cwd(), TEAM_LOCKFILE_ASSET)}: ${count} packages for ${Object.keys({ ...input.dependencies, ...input.devDependencies }).join(', ')}.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
