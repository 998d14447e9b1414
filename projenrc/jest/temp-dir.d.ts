/** What every temp folder of the tests is named by. */
export declare const TEMP_PREFIX: string;
/** A new empty folder `<tmp>/bottlerocket-eks-test-<name>-XXXXXX`, removed after the test file. */
export declare function tempDir(name: string): string;
/** Removes a folder of `tempDir`, or one inside it, now (a big one, say, before the next test makes another). */
export declare function removeTempDir(dir: string): void;
