// Preloaded into every node process of a tree (NODE_OPTIONS="--require=<this>": CommonJS,
// so it does not switch on the ESM loader, which breaks ts-node): at exit, each
// appends "<peak RSS in KiB> <pid> <command line>" to $BENCH_MAXRSS_TREE, one short line per
// write (under PIPE_BUF), so processes append to the same file safely. Native processes (the
// TypeScript 7 compiler) do not load it: GNU time covers them (see peak.mjs).
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const tree = process.env.BENCH_MAXRSS_TREE;
  if (!tree) return;
  const command = (process.argv.length > 1 ? process.argv.slice(1) : process.execArgv).join(' ').replace(/\s+/g, ' ').slice(0, 300);
  appendFileSync(tree, `${process.resourceUsage().maxRSS} ${process.pid} ${command}\n`);
});
