import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMP_PREFIX } from '../../../projenrc/jest/temp-dir';
import { setup as guardSetup } from '../../../projenrc/jest/temp-guard';
import { createSharedRepository, SHARED_REPOSITORY_ENV } from '../src/shared-repository';

/** The test files that work on copies of the shared team repository. */
const SHARED_REPOSITORY_USERS = ['scaffold.e2e.test.ts', 'team-tests.e2e.test.ts', 'bad-inputs.e2e.test.ts'];

/**
 * jest globalSetup of the e2e package: the temp guard of every package first (so that the
 * shared repository lands in this run's temp folder), then the shared team repository, made
 * once for the suites that copy it rather than scaffolded and built by each. Skipped when the
 * run's file pattern selects none of them.
 */
export default async function globalSetup(globalConfig: { readonly testPathPattern?: string }): Promise<void> {
  await guardSetup();
  const pattern = globalConfig.testPathPattern;
  if (pattern && !SHARED_REPOSITORY_USERS.some((file) => new RegExp(pattern, 'i').test(path.join(__dirname, file)))) return;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}shared-`));
  // Workers start after this and inherit it; in-band tests run in this very process.
  process.env[SHARED_REPOSITORY_ENV] = folder;
  createSharedRepository(folder);
}
