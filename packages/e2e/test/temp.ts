import { App, AppProps } from 'aws-cdk-lib/core';
import { tempDir } from '../../../projenrc/jest/temp-dir';

// The tests' temp folders: the helper every package shares.
export { removeTempDir, tempDir, TEMP_PREFIX } from '../../../projenrc/jest/temp-dir';

/**
 * An App writing its cloud assembly into a temp folder of the test file. (Without an outdir
 * aws-cdk-lib makes `<tmp>/cdk.outXXXXXX` as soon as the App is created, and removes it only
 * when the process exits, which under jest it never sees.)
 */
export function testApp(props: AppProps = {}): App {
  return new App({ outdir: tempDir('cdk.out'), ...props });
}
