import { createHash } from 'crypto';
import * as fs from 'fs';
import { Module } from 'module';
import * as path from 'path';

/**
 * Where the transpiled apps are kept between runs: `.cache/bottlerocket-eks` of the
 * node_modules this library is installed in (the usual place of a tool's cache, ignored by
 * git), whichever folder of the repository a synth runs in.
 */
export function defaultTranspileCacheDir(from: string = __dirname): string {
  const parts = from.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  const nodeModules = at >= 0 ? parts.slice(0, at + 1).join(path.sep) : path.join(process.cwd(), 'node_modules');
  return path.join(nodeModules, '.cache', 'bottlerocket-eks', 'typescript');
}

/** What makes a transpiled file stale besides its source: the transpiler and how it is asked. */
const TRANSPILER_FINGERPRINT = `esbuild ${esbuildVersion()} ts cjs node20 inline-source-map`;

/**
 * Lets `require` load the team's TypeScript files (`src/main.ts` of each app and what they
 * import), and only those: node_modules' JavaScript loads natively.
 *
 * A general loader such as tsx also inspects every JavaScript module a process loads, which in
 * a synth (hundreds of aws-cdk-lib modules) costs more than the synthesis itself. The apps only
 * need their types stripped: the build type-checks them. esbuild does it and the result is
 * kept by content in `cacheDir`, so an unchanged app never starts esbuild again; a cache that
 * cannot be written only costs the transpile. Source maps point errors at the .ts lines.
 *
 * A process that already has a `.ts` loader (run under `node --import tsx`, say) keeps it.
 */
export function registerTypeScriptLoader(cacheDir: string = defaultTranspileCacheDir()): void {
  const extensions = (Module as unknown as { _extensions: Record<string, (module: Module, filename: string) => void> })._extensions;
  if (extensions['.ts']) return;
  process.setSourceMapsEnabled(true);
  extensions['.ts'] = (module, filename) => {
    const compile = (module as unknown as { _compile(code: string, filename: string): void })._compile;
    compile.call(module, transpile(filename, fs.readFileSync(filename, 'utf8'), cacheDir), filename);
  };
}

/** The CommonJS of a TypeScript file: from the cache when its source, name and transpiler are unchanged. */
export function transpile(filename: string, source: string, cacheDir: string): string {
  const key = createHash('sha256').update(TRANSPILER_FINGERPRINT).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not transpiled yet
  }
  // Loaded only on a cache miss: starting esbuild costs more than the rest of this loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { transformSync } = require('esbuild') as typeof import('esbuild');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename });
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: a concurrent synth (nx runs the apps in parallel) never reads half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  } catch {
    // A read-only node_modules: every run transpiles again.
  }
  return code;
}

function esbuildVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('esbuild/package.json') as { version: string }).version;
}
