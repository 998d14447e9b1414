// Peak memory of a whole process tree. GNU time reports the maximum resident set size from
// wait4(): on Linux that is the largest of the child's own and of every descendant it reaped
// (the kernel keeps the largest in the child's cmaxrss), so wrapped around `npx projen build`
// it is the peak of the largest single process of the build: node processes and the native
// TypeScript 7 compiler (a Go binary, which a node preload hook cannot see) alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GNU_TIME = '/usr/bin/time';
const MAXRSS_HOOK = fileURLToPath(new URL('./maxrss-hook.cjs', import.meta.url));

export const hasGnuTime = () => fs.existsSync(GNU_TIME);

/**
 * Runs `command args` under GNU time; returns { seconds (wall, as timed by the runner),
 * rssMiB (peak of the largest process of the tree) }.
 */
export function runWithPeak(runner, cwd, command, args, resultFile, env = {}) {
  if (!hasGnuTime()) throw new Error(`${GNU_TIME} (GNU time) is needed to measure the peak memory of a process tree`);
  fs.rmSync(resultFile, { force: true });
  const seconds = runner.run(cwd, GNU_TIME, ['-f', '%e %M', '-o', resultFile, command, ...args], { env });
  return { seconds, rssMiB: readGnuTime(resultFile).kib / 1024 };
}

/** GNU time's "<seconds> <KiB>" on the file's last line (earlier lines: the exit status, if not 0). */
export function readGnuTime(resultFile) {
  const [seconds, kib] = fs.readFileSync(resultFile, 'utf-8').trim().split('\n').pop().split(' ').map(Number);
  if (!(kib > 0)) throw new Error(`no peak memory recorded in ${resultFile}`);
  return { seconds, kib };
}

/**
 * Runs `command args` with the maxrss hook preloaded into every node process of the tree
 * (NODE_OPTIONS); returns those processes, largest first: [{ rssMiB, command }]. Native
 * processes (the TypeScript 7 compiler, esbuild) are not in the list.
 */
export function nodeProcessPeaks(runner, cwd, command, args, listFile) {
  fs.rmSync(listFile, { force: true });
  const nodeOptions = [process.env.NODE_OPTIONS, `--require=${MAXRSS_HOOK}`].filter(Boolean).join(' ');
  runner.run(cwd, command, args, { env: { NODE_OPTIONS: nodeOptions, BENCH_MAXRSS_TREE: listFile } });
  const lines = fs.existsSync(listFile) ? fs.readFileSync(listFile, 'utf-8').trim().split('\n').filter(Boolean) : [];
  return lines.map((line) => {
    const [kib, , ...rest] = line.split(' ');
    return { rssMiB: Number(kib) / 1024, command: rest.join(' ').replaceAll(`${cwd}${path.sep}`, '') };
  }).sort((a, b) => b.rssMiB - a.rssMiB);
}

/**
 * The TypeScript 7 compiler's own binary in a repository (the `typescript` package's
 * launcher runs it as a child process on Node < 22.15), or undefined for a JavaScript tsc.
 */
export function nativeTsc(dir) {
  const scope = path.join(dir, 'node_modules', '@typescript');
  if (!fs.existsSync(scope)) return undefined;
  for (const pkg of fs.readdirSync(scope).filter((p) => p.startsWith(`typescript-${process.platform}-`))) {
    const exe = path.join(scope, pkg, 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    if (fs.existsSync(exe)) return exe;
  }
  return undefined;
}
