// The product monorepo as measured: a copy of its sources in a temp folder, so the figures
// are of one known state (HEAD by default) whatever is being edited in the work tree, and
// a cold build really starts from nothing (no lib/, dist/, .jsii, tsbuildinfo, nx cache).
import { execFileSync, execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withCpu } from './measure.mjs';

/** The workspace packages whose tarballs a team repository installs, by folder. */
const TARBALL_PACKAGES = {
  config: 'config',
  stacks: 'stacks',
  projectType: 'projen-bottlerocket-eks',
};

/** Which commit is measured, and whether uncommitted changes were included. */
export function sourceInfo(root, worktree) {
  const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf-8' }).trim();
  const dirty = git('status', '--porcelain', '--', 'packages', 'projenrc', '.projenrc.ts', 'package.json', 'package-lock.json') !== '';
  // The full id, resolved once: every run copies this commit even if HEAD moves meanwhile.
  const commit = git('rev-parse', 'HEAD');
  return { commit, short: commit.slice(0, 7), subject: git('log', '-1', '--format=%s', commit).replace(/^(.{80}).+/, '$1…'), worktree, dirty };
}

/**
 * Copies the product's sources into `dest`: `git archive <commit>`, or with `worktree` the tracked
 * and untracked-but-not-ignored files as they are on disk. Then links the root's installed
 * node_modules in (nothing is installed: the root is the product's only installer).
 */
export function snapshot(root, dest, { worktree, commit }) {
  fs.mkdirSync(dest, { recursive: true });
  const q = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  if (worktree) {
    // Tracked files deleted on disk are listed too: leave them out, as the work tree does.
    const files = execFileSync('git', ['-C', root, 'ls-files', '-z', '-co', '--exclude-standard'], { encoding: 'utf-8' })
      .split('\0').filter((f) => f && !/^(bench|docs)\//.test(f) && fs.existsSync(path.join(root, f)));
    const list = path.join(dest, '..', `${path.basename(dest)}.files`);
    fs.writeFileSync(list, files.join('\0'));
    execSync(`tar -C ${q(root)} --null -T ${q(list)} -cf - | tar -C ${q(dest)} -xf -`);
    fs.rmSync(list);
  } else {
    execSync(`git -C ${q(root)} archive --format=tar ${commit} | tar -C ${q(dest)} -xf -`);
  }
  linkNodeModules(root, dest);
}

/**
 * node_modules of the copy: each entry a link to the root's, except the workspace packages'
 * own links (`../packages/x`), which must point at the copy's packages, not the work tree's.
 */
function linkNodeModules(root, dest) {
  const link = (fromDir, toDir) => {
    fs.mkdirSync(toDir, { recursive: true });
    for (const name of fs.readdirSync(fromDir)) {
      const entry = path.join(fromDir, name);
      const target = fs.lstatSync(entry).isSymbolicLink() ? fs.readlinkSync(entry) : null;
      const relative = target !== null && !path.isAbsolute(target) && target.startsWith('../packages/');
      fs.symlinkSync(relative ? target : entry, path.join(toDir, name));
    }
  };
  link(path.join(root, 'node_modules'), path.join(dest, 'node_modules'));
  // A package's own node_modules holds versions that differ from the root's (npm nests them).
  for (const pkg of fs.readdirSync(path.join(dest, 'packages'))) {
    const nested = path.join(root, 'packages', pkg, 'node_modules');
    if (fs.existsSync(nested)) link(nested, path.join(dest, 'packages', pkg, 'node_modules'));
  }
}

/** The cold build and the unchanged rebuild, in a fresh copy; each { seconds, cpu }. */
export function coldAndWarmBuild(runner, dir) {
  const build = () => withCpu(() => runner.run(dir, 'npx', ['nx', 'run-many', '-t', 'build']));
  const cold = build();
  const warm = build();
  return { cold, warm };
}

/** Copies the packed tarballs out of a built copy, so the copy can go. */
export function collectTarballs(dir, into) {
  fs.mkdirSync(into, { recursive: true });
  const result = {};
  for (const [key, pkgDir] of Object.entries(TARBALL_PACKAGES)) {
    const distDir = path.join(dir, 'packages', pkgDir, 'dist', 'js');
    const files = fs.readdirSync(distDir).filter((f) => f.endsWith('.tgz'));
    if (files.length !== 1) throw new Error(`expected one tarball in ${distDir}, found: ${files.join(', ') || 'none'}`);
    result[key] = path.join(into, files[0]);
    fs.copyFileSync(path.join(distDir, files[0]), result[key]);
  }
  return result;
}
