import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps } from 'aws-cdk-lib';

/**
 * Temp folders of a test file, removed after its tests (also when they fail). jest's global
 * teardown (projenrc/jest/temp-guard.js) fails the run for anything left in the temp folder.
 * Better made in hooks and tests than while the file loads: a file that fails to load runs no
 * afterAll (the global teardown then removes what it made, and names it).
 */

/** What every temp folder of the tests is named by. */
export const TEMP_PREFIX = 'bottlerocket-eks-test-';

const created: string[] = [];

/** A new empty folder `<tmp>/bottlerocket-eks-test-<name>-XXXXXX`, removed after the test file. */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${name}-`));
  created.push(dir);
  return dir;
}

/** Removes a folder of `tempDir`, or one inside it, now (a big one, say, before the next test makes another). */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  if (created.includes(dir)) created.splice(created.indexOf(dir), 1);
}

afterAll(() => {
  for (const dir of created.splice(0).reverse()) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/**
 * An App writing its cloud assembly into a temp folder of the test file. (Without an outdir
 * aws-cdk-lib makes `<tmp>/cdk.outXXXXXX` as soon as the App is created, and removes it only
 * when the process exits, which under jest it never sees.)
 */
export function testApp(props: AppProps = {}): App {
  return new App({ outdir: tempDir('cdk.out'), ...props });
}
