// Preloaded into node processes (`node --import <this> ...`, or through NODE_OPTIONS for a
// whole process tree) to record their own peak memory at exit:
// - BENCH_MAXRSS_FILE: writes "<seconds> <peak RSS in KiB>", the line GNU time's `-f '%e %M'`
//   writes, where GNU time is missing;
// - BENCH_MAXRSS_TREE: appends "<peak RSS in KiB> <pid> <command line>" for every node process
//   of a tree (each line one write under PIPE_BUF: processes append to the same file safely).
import { appendFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const kib = process.resourceUsage().maxRSS;
  const file = process.env.BENCH_MAXRSS_FILE;
  if (file) writeFileSync(file, `${process.uptime().toFixed(2)} ${kib}\n`);
  const tree = process.env.BENCH_MAXRSS_TREE;
  if (tree) appendFileSync(tree, `${kib} ${process.pid} ${process.argv.slice(1).join(' ').slice(0, 300).replace(/\s+/g, ' ')}\n`);
});
