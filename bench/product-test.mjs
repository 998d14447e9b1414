#!/usr/bin/env node
// One run of the product's own clean install and test suite on a fresh clone of HEAD, timed,
// written as the JSON file `bench/run.mjs --product-test-file` reads. About ten minutes on
// 2 cores, which is why the suite does not repeat it: run this once, then the suite.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(os.tmpdir(), 'bottlerocket-eks-product-test.json') },
    command: { type: 'string', default: 'npm ci && npm test' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(`Usage: node bench/product-test.mjs [--out FILE] [--command CMD] [--keep]

Clones the HEAD commit into a temp folder, runs CMD there (default "npm ci && npm test"),
and writes {"seconds", "command", "note"} to FILE (default ${opts.out}) for
  node bench/run.mjs --product-test-file FILE`);
  process.exit(0);
}

const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf-8' }).trim();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bottlerocket-eks-product-test-'));
const clone = path.join(tmp, 'product');
const log = path.join(tmp, 'output.log');
// Nothing of the calling `npm run` leaks in (its lifecycle variables, its node_modules/.bin).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(lifecycle|package|config_local_prefix)|^INIT_CWD$/.test(k)));
env.PATH = env.PATH.split(path.delimiter).filter((p) => !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(p)).join(path.delimiter);
let status = 1;
try {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
  execFileSync('git', ['-C', clone, 'checkout', '--quiet', '--detach', commit]);
  console.error(`running \`${opts.command}\` in a fresh clone of ${commit.slice(0, 7)} (output in ${log})`);
  const fd = fs.openSync(log, 'w');
  const started = performance.now();
  const result = spawnSync('bash', ['-c', opts.command], { cwd: clone, stdio: ['ignore', fd, fd], env });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  fs.closeSync(fd);
  status = result.status ?? 1;
  if (status !== 0) {
    console.error(`\`${opts.command}\` failed (exit ${status}) after ${seconds} s; last lines:\n${fs.readFileSync(log, 'utf-8').split('\n').slice(-30).join('\n')}`);
  } else {
    const note = `fresh clone of ${commit.slice(0, 7)}, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}`;
    fs.writeFileSync(opts.out, `${JSON.stringify({ seconds, command: opts.command, note }, null, 2)}\n`);
    console.log(`${seconds} s; written to ${opts.out}: node bench/run.mjs --product-test-file ${opts.out}`);
  }
} finally {
  if (opts.keep) console.error(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = status;
