import * as fs from 'fs';
import { teardown as guardTeardown } from '../../../projenrc/jest/temp-guard';
import { SHARED_REPOSITORY_ENV } from '../src/shared-repository';

/**
 * jest globalTeardown of the e2e package (it runs whether tests passed or not): removes the
 * shared team repository of global-setup.ts, then the temp guard of every package checks
 * that nothing else was left.
 */
export default async function globalTeardown(): Promise<void> {
  const folder = process.env[SHARED_REPOSITORY_ENV];
  if (folder) {
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    delete process.env[SHARED_REPOSITORY_ENV];
  }
  await guardTeardown();
}
