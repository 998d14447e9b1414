import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { removeTempDir, tempDir } from './temp';
import { ownVersion } from '../src/cli';

/*
 * The bin as node runs it: src/ transpiled to <tmp>/lib next to a copy of package.json, the
 * same layout as the published package. (Loading src/index.ts through ts-jest is not a fair
 * test: jest wraps modules in a function, where the shebang line is not allowed.)
 */
const root = path.join(__dirname, '..');
let pkg: string;
let nodePath: string;

beforeAll(() => {
  pkg = tempDir('create-bin');
  fs.mkdirSync(path.join(pkg, 'lib'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
  for (const file of fs.readdirSync(path.join(root, 'src')).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(root, 'src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(pkg, 'lib', file.replace(/\.ts$/, '.js')), outputText);
  }
  // The dependencies, from wherever the workspace installed them.
  nodePath = [
    path.dirname(path.dirname(require.resolve('projen/package.json'))),
    path.dirname(path.dirname(require.resolve('bottlerocket-eks-config/package.json'))),
  ].join(path.delimiter);
});

function node(args: string[], cwd = pkg) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_PATH: nodePath } });
}

test('the bin starts with a shebang', () => {
  expect(fs.readFileSync(path.join(pkg, 'lib', 'index.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
});

test('run as the bin: --version prints the own version and exits 0', () => {
  const result = node([path.join(pkg, 'lib', 'index.js'), '--version']);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe(`${ownVersion()}\n`);
  expect(result.status).toBe(0);
});

test('run as the bin: a settings error sets exit code 1, without a stack trace', () => {
  const cwd = tempDir('create-cwd');
  try {
    const result = node([path.join(pkg, 'lib', 'index.js'), '--pj-prefix', 'Team_A'], cwd);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^create-bottlerocket-eks: Invalid pjPrefix "Team_A": expected .* \(--pj-prefix\)\n$/);
    expect(fs.readdirSync(cwd)).toEqual([]);
  } finally {
    removeTempDir(cwd);
  }
});

test('imported as a module: nothing runs, the API is exported', () => {
  const script = `const m = require(${JSON.stringify(path.join(pkg, 'lib', 'index.js'))});`
    + 'console.log(["main", "parseArgs", "findOption", "buildProjenCommand", "formatHelp"].map((k) => typeof m[k]).join(","))';
  const result = node(['-e', script]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('function,function,function,function,function\n');
  expect(result.status).toBe(0);
});
