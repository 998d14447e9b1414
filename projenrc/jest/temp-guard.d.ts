/** globalSetup: record the OS temp folder and give the run a temp folder of its own (TMPDIR). */
export declare function setup(): Promise<void>;
/** globalTeardown: fail the run for anything it left in the temp folder, then remove the run's folder. */
export declare function teardown(): Promise<void>;
/** What every temp folder of the tests starts with. */
export declare const TEST_PREFIX: string;
/** What the folder of one run starts with. */
export declare const RUN_PREFIX: string;
