// Preloaded into a CDK app process (`node --import <this> ...`) where GNU time is missing:
// writes "<seconds> <peak RSS in KiB>" at exit, the same line GNU time's `-f '%e %M'` writes.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_MAXRSS_FILE;
  if (file) writeFileSync(file, `${process.uptime().toFixed(2)} ${process.resourceUsage().maxRSS}\n`);
});
