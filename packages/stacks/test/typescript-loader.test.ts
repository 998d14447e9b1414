import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './temp';
import { defaultTranspileCacheDir, transpile } from '../src/synth/typescript-loader';

// The loader the team's synth runs the apps with (`node .../all-apps.js <main.ts>...`).

const APP = [
  "import { greeting, Shade } from './helper';",
  'const who: string = process.env.WHO ?? "team";',
  'console.log(greeting(who), Shade.Dark);',
  'if (process.env.FAIL) {',
  "  throw new Error('failed here');",
  '}',
  '',
].join('\n');
const HELPER = [
  'export enum Shade { Light = "light", Dark = "dark" }',
  'export function greeting(name: string): string { return `hello ${name}`; }',
  '',
].join('\n');

describe('transpile', () => {
  test('strips the types into CommonJS and keeps the result by content', () => {
    const cache = tempDir('ts-cache');
    const code = transpile('/team/src/main.ts', APP, cache);
    expect(code).toContain('require("./helper")');
    expect(code).not.toMatch(/: string/);
    expect(code).toContain('sourceMappingURL=data:application/json');
    const entries = fs.readdirSync(cache);
    expect(entries).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.js$/)]);

    // The same source again is read from the cache (the entry stands for esbuild's output).
    fs.writeFileSync(path.join(cache, entries[0]), 'module.exports = "from the cache";');
    expect(transpile('/team/src/main.ts', APP, cache)).toBe('module.exports = "from the cache";');
    // A changed source, or the same source at another path, is transpiled again.
    expect(transpile('/team/src/main.ts', `${APP}// edited\n`, cache)).toContain('require("./helper")');
    expect(transpile('/team/src/other.ts', APP, cache)).toContain('require("./helper")');
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.js'))).toHaveLength(3);
  });

  test('a cache that cannot be written costs only the transpile', () => {
    const blocked = path.join(tempDir('ts-cache-blocked'), 'cache');
    fs.writeFileSync(blocked, 'a file where the folder would be');
    expect(transpile('/team/src/main.ts', APP, blocked)).toContain('require("./helper")');
  });

  test('a syntax error names the file, line and column', () => {
    expect(() => transpile('/team/src/main.ts', 'const x: = 1;\n', tempDir('ts-cache-error'))).toThrow(/\/team\/src\/main\.ts:1:9: ERROR/);
  });
});

test('the cache is in the node_modules the library is installed in, whichever folder a synth runs in', () => {
  expect(defaultTranspileCacheDir('/team/node_modules/bottlerocket-eks-stacks/lib'))
    .toBe('/team/node_modules/.cache/bottlerocket-eks/typescript');
  expect(defaultTranspileCacheDir('/team/node_modules/.pnpm/x/node_modules/bottlerocket-eks-stacks/lib'))
    .toBe('/team/node_modules/.pnpm/x/node_modules/.cache/bottlerocket-eks/typescript');
});

describe('registerTypeScriptLoader, in a process of its own (the built library, as a team runs it)', () => {
  const loader = path.resolve(__dirname, '..', 'lib', 'synth', 'typescript-loader.js');
  let dir = '';

  beforeAll(() => {
    if (!fs.existsSync(loader)) throw new Error(`${loader} is missing: build the package first (npx projen compile)`);
    dir = tempDir('ts-loader');
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), APP);
    fs.writeFileSync(path.join(dir, 'src', 'helper.ts'), HELPER);
  });

  function runApp(env: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
    const script = `require(${JSON.stringify(loader)}).registerTypeScriptLoader(${JSON.stringify(path.join(dir, 'cache'))}); require('./src/main.ts');`;
    return new Promise((resolve) => {
      execFile(process.execPath, ['-e', script], { cwd: dir, env: { ...process.env, WHO: 'tester', ...env } }, (error, stdout, stderr) =>
        resolve({ status: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }));
    });
  }

  test('runs a TypeScript app and the TypeScript files it imports, and caches both', async () => {
    expect(await runApp()).toEqual({ status: 0, stdout: 'hello tester dark\n', stderr: '' });
    expect(fs.readdirSync(path.join(dir, 'cache')).filter((f) => f.endsWith('.js'))).toHaveLength(2);
    // The second run takes both from the cache and behaves the same.
    expect(await runApp()).toEqual({ status: 0, stdout: 'hello tester dark\n', stderr: '' });
  });

  test('an error points at the line of the TypeScript source', async () => {
    const { status, stderr } = await runApp({ FAIL: '1' });
    expect(status).toBe(1);
    expect(stderr).toContain(`${path.join(dir, 'src', 'main.ts')}:5`);
  });
});
