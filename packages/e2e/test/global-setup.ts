import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMP_PREFIX } from '../../../projenrc/jest/temp-dir';
import { setup as guardSetup } from '../../../projenrc/jest/temp-guard';
import { createSharedRepository, SHARED_REPOSITORY_ENV, SHARED_REPOSITORY_MODULE } from '../src/shared-repository';

/** The TypeScript modules a module imports by relative path. */
function relativeImports(file: string): string[] {
  return [...fs.readFileSync(file, 'utf-8').matchAll(/from '(\.\.?\/[^']*)'/g)]
    .map(([, specifier]) => `${path.resolve(path.dirname(file), specifier)}.ts`)
    .filter((module) => fs.existsSync(module));
}

/** Whether a module imports the shared repository's module, directly or through the package's other modules. */
function usesSharedRepository(file: string, seen = new Set<string>()): boolean {
  if (file === SHARED_REPOSITORY_MODULE) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  return relativeImports(file).some((module) => usesSharedRepository(module, seen));
}

/** The test files that work on copies of the shared team repository: those that import it, as they are now. */
function sharedRepositoryUsers(): string[] {
  return fs.readdirSync(__dirname, { recursive: true, encoding: 'utf-8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(__dirname, file))
    .filter((file) => usesSharedRepository(file));
}

/**
 * jest globalSetup of the e2e package: the temp guard of every package first (so that the
 * shared repository lands in this run's temp folder), then the shared team repository, made
 * once for the suites that copy it rather than scaffolded and built by each. Skipped when the
 * run's file pattern selects none of them.
 */
export default async function globalSetup(globalConfig: { readonly testPathPattern?: string }): Promise<void> {
  await guardSetup();
  const pattern = globalConfig.testPathPattern;
  if (pattern && !sharedRepositoryUsers().some((file) => new RegExp(pattern, 'i').test(file))) return;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}shared-`));
  // Workers start after this and inherit it; in-band tests run in this very process.
  process.env[SHARED_REPOSITORY_ENV] = folder;
  createSharedRepository(folder);
}
